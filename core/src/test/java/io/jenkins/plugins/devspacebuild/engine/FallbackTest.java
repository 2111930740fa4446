package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.testing.TestOptions;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder fallback order without a daemon and without a cluster: docker → kaniko → embedded → an error listing all. */
class FallbackTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    RunResult run(String yaml) throws Exception {
        write(root, "devspace.yaml", yaml);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://127.0.0.1:1", "HOME", root.resolve("home").toString());
        EngineSettings s = EngineSettings.of(env, RegistryCredentials.NONE, events::add)
                .withDaemonFactory(() -> DockerDaemon.fromEnvironment(env)).withClusterFactory(ClusterFactory.NONE);
        return new BuildEngine(s).build(TestOptions.of(root.resolve("devspace.yaml"), root, root.resolve(".devspace/c.json"), null, Map.of(),
                false, false, 0, false, true, List.of("t1"), List.of()));
    }

    ImageResult result(RunResult r, String name) {
        return r.images().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void noDaemonNoClusterBuildsExpressibleImagesEmbeddedAndExplainsTheOthers() throws Exception {
        write(root, "plain/Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\nENTRYPOINT [\"/app\"]\n");
        write(root, "plain/app.txt", "hi");
        write(root, "runs/Dockerfile", "FROM scratch\nRUN echo needs a shell\n");
        RunResult r = run("version: v2beta1\nimages:\n  plain:\n    image: my/plain\n    context: ./plain\n    dockerfile: ./plain/Dockerfile\n"
                + "  runs:\n    image: my/runs\n    context: ./runs\n    dockerfile: ./runs/Dockerfile\n"
                + "  strict:\n    image: my/strict\n    context: ./plain\n    dockerfile: ./plain/Dockerfile\n    docker: {disableFallback: true}\n");
        ImageResult plain = result(r, "plain");
        assertThat(plain.status()).as(events.toString()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(plain.builder()).isEqualTo("embedded");
        assertThat(Files.isRegularFile(root.resolve(".devspace/images/plain-t1.tar"))).isTrue();
        assertThat(events).anyMatch(e -> e instanceof BuildEvent.BuilderChosen b && "plain".equals(b.image()) && b.fallback()
                && b.builder().equals("embedded") && b.why().startsWith("the Docker daemon is unreachable, no cluster is configured"));
        ImageResult runs = result(r, "runs");
        assertThat(runs.status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(runs.reason()).startsWith("no builder can build images.runs here. Tried docker: Docker daemon not reachable at tcp://127.0.0.1:1")
                .contains("; kaniko: no cluster is configured")
                .contains("; embedded: ").contains("RUN");
        assertThat(result(r, "strict").reason()).endsWith("(docker.disableFallback is set, so no other builder is tried)");

        RunResult again = run(Files.readString(root.resolve("devspace.yaml")));
        assertThat(result(again, "plain").status()).isEqualTo(ImageResult.Status.SKIPPED);
    }
}
