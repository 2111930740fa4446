package io.jenkins.plugins.devspacebuild.handoff;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kustomization written by the hand-off, rendered by the real kustomize ({@code kubectl kustomize}, offline). */
class KustomizeOracleIT {
    @TempDir
    Path tmp;

    static final String DIGEST = "sha256:" + "5e".repeat(32);

    String render(Path dir) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("kubectl is not installed: the kustomization is not checked by the real kustomize");
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void kustomizeRendersTheBuiltTagsAndDigests() throws Exception {
        write(tmp, "base/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: shop}
                spec:
                  selector: {matchLabels: {app: shop}}
                  template:
                    metadata: {labels: {app: shop}}
                    spec:
                      containers:
                      - name: api
                        image: 127.0.0.1:5000/team/api:dev
                      - name: web
                        image: myuser/web
                      - name: db
                        image: postgres:16
                """);
        write(tmp, "base/kustomization.yaml", "resources:\n- deployment.yaml\n");
        write(tmp, "overlay/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../base\n");
        BuiltImages images = new BuiltImages(List.of(new BuiltImage("api", "127.0.0.1:5000/team/api", "a1b2c", DIGEST),
                new BuiltImage("web", "myuser/web", "v7", null)));
        Path k = tmp.resolve("overlay/kustomization.yaml");

        HandoffFiles.writeKustomization(k, images, false);
        assertThat(render(tmp.resolve("overlay"))).contains("image: 127.0.0.1:5000/team/api:a1b2c").contains("image: myuser/web:v7")
                .contains("image: postgres:16");

        HandoffFiles.writeKustomization(k, images, true);
        assertThat(render(tmp.resolve("overlay"))).contains("image: 127.0.0.1:5000/team/api@" + DIGEST).contains("image: myuser/web:v7");
    }
}
