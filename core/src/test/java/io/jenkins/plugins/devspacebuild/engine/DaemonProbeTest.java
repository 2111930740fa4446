package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13.1: an unusable daemon address is one clear error naming DOCKER_HOST, and the fallback order still works. */
class DaemonProbeTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void unparsableDockerHostFallsBackAndNamesTheVariable() throws Exception {
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  plain:\n    image: my/plain\n    dockerfile: ./Dockerfile\n"
                + "  strict:\n    image: my/strict\n    dockerfile: ./Dockerfile\n    docker: {disableFallback: true}\n");
        write(root, "Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\n");
        write(root, "app.txt", "hi");
        List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        RunResult r;
        try {
            Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://bad host:x", "HOME", root.resolve("home").toString());
            EngineSettings s = EngineSettings.of(env, RegistryCredentials.NONE, events::add)
                    .withDaemonFactory(() -> DockerDaemon.fromEnvironment(env)).withClusterFactory(ClusterFactory.NONE);
            r = new BuildEngine(s).build(RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root)
                    .cacheFile(root.resolve(".devspace/c.json")).skipPush(true).tags(List.of("t1")).build());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
        ImageResult plain = r.images().stream().filter(i -> i.name().equals("plain")).findFirst().orElseThrow();
        assertThat(plain.status()).as(events.toString()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(plain.builder()).isEqualTo("embedded");
        ImageResult strict = r.images().stream().filter(i -> i.name().equals("strict")).findFirst().orElseThrow();
        assertThat(strict.status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(strict.reason()).contains("DOCKER_HOST 'tcp://bad host:x'").doesNotContain("internal error").doesNotContain("Exception");
    }
}
