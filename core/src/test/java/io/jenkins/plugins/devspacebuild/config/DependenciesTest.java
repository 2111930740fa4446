package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10.7: images of local path dependencies come first, with their own config, profiles and vars. */
class DependenciesTest {
    @TempDir
    Path root;

    private ProjectConfig load(String yaml) throws ConfigException {
        write(root, "devspace.yaml", yaml);
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of(), Map.of()));
    }

    @Test
    void aDependencysImageKeepsItsRestartHelper() throws Exception {
        write(root, "backend/Dockerfile", "FROM scratch\nENTRYPOINT [\"/api\"]\n");
        write(root, "backend/devspace.yaml", "version: v2beta1\nname: backend\nimages:\n  api:\n    image: my/api\n    injectRestartHelper: true\n");
        ImageConfig api = load("version: v2beta1\nname: app\ndependencies:\n  backend:\n    path: ./backend\n").images().get("backend.api");
        assertThat(api.restartHelper().kind()).isEqualTo(RestartHelper.Kind.WAIT_FOR_START);
        assertThat(api.hasDockerfileOverride()).isTrue();
    }

    @Test
    void pathDependenciesInBothShapes() throws Exception {
        write(root, "Dockerfile", "FROM scratch\n");
        write(root, "backend/Dockerfile", "FROM scratch\n");
        write(root, "backend/devspace.yaml", """
                version: v2beta1
                vars:
                  FLAVOUR: plain
                images:
                  api: {image: "my/api-${FLAVOUR}"}
                profiles:
                  - {name: slim, patches: [{op: add, path: images.api.target, value: slim}]}
                """);
        ProjectConfig current = load("""
                version: v2beta1
                images:
                  web: {image: my/web}
                dependencies:
                  backend:
                    path: ./backend
                    profiles: [slim]
                    vars: {FLAVOUR: gold}
                """);
        assertThat(current.images()).containsOnlyKeys("backend.api", "web");
        assertThat(List.copyOf(current.images().keySet())).containsExactly("backend.api", "web");
        ImageConfig api = current.images().get("backend.api");
        assertThat(api.key()).isEqualTo("backend.api");
        assertThat(api.image().repository()).isEqualTo("my/api-gold");
        assertThat(api.target()).isEqualTo("slim");
        assertThat(api.dockerfile()).isEqualTo(root.resolve("backend/Dockerfile"));
        assertThat(api.context()).isEqualTo(root.resolve("backend"));

        ProjectConfig legacy = load("""
                version: v1beta11
                images:
                  web: {image: my/web}
                dependencies:
                  - name: backend
                    source: {path: backend}
                    profile: slim
                  - name: skipped
                    source: {path: backend}
                    skipBuild: true
                """);
        assertThat(List.copyOf(legacy.images().keySet())).containsExactly("backend.api", "web");
        assertThat(legacy.images().get("backend.api").image().repository()).isEqualTo("my/api-plain");
        assertThat(legacy.warnings()).anyMatch(w -> w.contains("dependency skipped has skipBuild"));
    }

    @Test
    void gitDependenciesCyclesAndMissingConfigsAreClearErrors() {
        write(root, "Dockerfile", "FROM scratch\n");
        assertThatThrownBy(() -> load("version: v2beta1\ndependencies:\n  lib:\n    git: https://example.com/lib.git\n"))
                .hasMessage("devspace.yaml:4:5: dependencies.lib.git: git dependencies are not built by devspace-build; check the "
                        + "repository out in an earlier step and use path: ./lib instead");
        assertThatThrownBy(() -> load("version: v2beta1\ndependencies:\n  me:\n    path: .\n"))
                .hasMessageContaining("dependency me leads back to devspace.yaml; dependencies must not form a cycle");
        assertThatThrownBy(() -> load("version: v2beta1\ndependencies:\n  x:\n    path: ./nope\n"))
                .hasMessage("devspace.yaml:4:5: dependencies.x: nope does not exist; a path dependency needs its devspace.yaml there");
    }
}
