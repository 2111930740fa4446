package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code buildKit} block in both config shapes. */
class BuildKitConfigTest {
    @TempDir
    Path root;

    @BeforeEach
    void dockerfile() {
        write(root, "Dockerfile", "FROM scratch\n");
    }

    ImageConfig load(String yaml) throws ConfigException {
        write(root, "devspace.yaml", yaml);
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of(), Map.of())).images().get("app");
    }

    @Test
    void currentShapeReadsArgsCommandAndPreferMinikube() throws Exception {
        ImageConfig app = load("""
                version: v2beta1
                name: x
                images:
                  app:
                    image: reg.example/app
                    skipPush: true
                    target: prod
                    buildKit:
                      args: ["--platform", "linux/amd64"]
                      command: ["/usr/local/bin/docker", "buildx"]
                      preferMinikube: false
                """);
        assertThat(app.builder()).isEqualTo(new BuildKitSpec(List.of("/usr/local/bin/docker", "buildx"), List.of("--platform", "linux/amd64"), false));
        assertThat(app.builderDeclared()).isTrue();
        assertThat(app.skipPush()).isTrue();
        assertThat(app.target()).isEqualTo("prod");
        assertThat(app.builder().name()).isEqualTo("buildkit");
    }

    @Test
    void olderShapeKeepsSkipPushAndOptionsInTheBlock() throws Exception {
        ImageConfig app = load("""
                version: v1beta11
                images:
                  app:
                    image: reg.example/app
                    build:
                      buildKit:
                        skipPush: true
                        options:
                          target: dev
                          network: none
                          buildArgs: {A: "1"}
                """);
        assertThat(app.builder()).isEqualTo(BuildKitSpec.DEFAULT);
        assertThat(app.skipPush()).isTrue();
        assertThat(app.target()).isEqualTo("dev");
        assertThat(app.network()).isEqualTo("none");
        assertThat(app.buildArgs()).containsEntry("A", "1");
    }

    @Test
    void inClusterIsRefusedWithWhereAndWhatToDo() {
        assertThatThrownBy(() -> load("""
                version: v1beta10
                images:
                  app:
                    image: reg.example/app
                    build:
                      buildKit:
                        inCluster:
                          namespace: builds
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("devspace.yaml:7:")
                .hasMessageContaining("images.app.build.buildKit.inCluster: building with BuildKit inside the cluster is not supported by "
                        + "devspace-build; remove inCluster to build with 'docker buildx build' on the agent, or use the kaniko builder");
    }

    @Test
    void unknownKeyAndEmptyCommandAreErrors() {
        assertThatThrownBy(() -> load("""
                version: v2beta1
                name: x
                images:
                  app:
                    image: reg.example/app
                    buildKit:
                      argz: ["--pull"]
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("argz");
        assertThatThrownBy(() -> load("""
                version: v2beta1
                name: x
                images:
                  app:
                    image: reg.example/app
                    buildKit:
                      command: []
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("images.app.buildKit.command: is empty");
    }

    @Test
    void theBuilderBlockIsPartOfTheConfigHash() throws Exception {
        String base = """
                version: v2beta1
                name: x
                images:
                  app:
                    image: reg.example/app
                    buildKit: {args: [%s]}
                """;
        String a = io.jenkins.plugins.devspacebuild.cache.ConfigHasher.hash(load(base.formatted("\"--pull\"")));
        String b = io.jenkins.plugins.devspacebuild.cache.ConfigHasher.hash(load(base.formatted("")));
        assertThat(a).isNotEqualTo(b);
    }
}
