package io.jenkins.plugins.devspacebuild.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KustomizeImagesTest {
    static final String DIGEST = "sha256:" + "cd".repeat(32);
    static final BuiltImages IMAGES = new BuiltImages(List.of(
            new BuiltImage("api", "127.0.0.1:5000/team/api", "a1b2c", DIGEST),
            new BuiltImage("web", "myuser/web", "v7", null)));

    @Test
    void newFileListsEveryImage() throws Exception {
        assertThat(KustomizeImages.write(null, "k.yaml", IMAGES, false)).isEqualTo("""
                images:
                - name: 127.0.0.1:5000/team/api
                  newName: 127.0.0.1:5000/team/api
                  newTag: a1b2c
                - name: myuser/web
                  newName: myuser/web
                  newTag: v7
                """);
    }

    @Test
    void digestReplacesTheTagWhenKnown() throws Exception {
        assertThat(KustomizeImages.write("", "k.yaml", IMAGES, true)).isEqualTo("""
                images:
                - name: 127.0.0.1:5000/team/api
                  newName: 127.0.0.1:5000/team/api
                  digest: %s
                - name: myuser/web
                  newName: myuser/web
                  newTag: v7
                """.formatted(DIGEST));
    }

    @Test
    void mergesIntoAnExistingKustomizationKeepingTheRest() throws Exception {
        String existing = """
                # overlay for CI
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - ../base
                images:
                - name: postgres
                  newTag: "16"
                - name: docker.io/myuser/web
                  newTag: old
                """;
        assertThat(KustomizeImages.write(existing, "kustomization.yaml", IMAGES, false)).isEqualTo("""
                # overlay for CI
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - ../base
                images:
                - name: postgres
                  newTag: "16"
                - name: myuser/web
                  newName: myuser/web
                  newTag: v7
                - name: 127.0.0.1:5000/team/api
                  newName: 127.0.0.1:5000/team/api
                  newTag: a1b2c
                """);
    }

    @Test
    void anImagesFieldThatIsNotAListIsAnError() {
        assertThatThrownBy(() -> KustomizeImages.write("kind: Kustomization\nimages: nginx\n", "kustomization.yaml", IMAGES, false))
                .isInstanceOf(HandoffException.class)
                .hasMessage("kustomization.yaml:2: images: must be a list of {name, newName, newTag}");
    }
}
