package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13.7: a .devspace directory linked outside the project: nothing (cache, tarballs) is written through it. */
class SymlinkConfinementTest {
    @TempDir
    Path tmp;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void devspaceDirectoryLinkedOutsideIsRefusedAndNothingIsWrittenThere() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  plain:\n    image: my/plain\n    dockerfile: ./Dockerfile\n"
                + "    embedded: {}\n");
        write(root, "Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\n");
        write(root, "app.txt", "hi");
        Files.createSymbolicLink(root.resolve(".devspace"), outside);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://127.0.0.1:1", "HOME", tmp.resolve("home").toString());
        EngineSettings s = EngineSettings.of(env, RegistryCredentials.NONE, events::add)
                .withDaemonFactory(() -> DockerDaemon.fromEnvironment(env)).withClusterFactory(ClusterFactory.NONE);
        assertThatThrownBy(() -> new BuildEngine(s).build(RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root)
                .skipPush(true).tags(List.of("t1")).build()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(".devspace").hasMessageContaining("outside the project root");
        try (Stream<Path> written = Files.walk(outside)) {
            assertThat(written.filter(p -> !p.equals(outside))).isEmpty();
        }
    }
}
