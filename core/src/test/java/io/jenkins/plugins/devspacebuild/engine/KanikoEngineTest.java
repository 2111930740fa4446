package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.jenkins.plugins.devspacebuild.testing.TestOptions;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.FakeCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kaniko through the whole engine (orchestration, cache, results) against the Kubernetes mock: the Docker-unreachable
 * fallback, disableFallback, and pull secrets. Push verification of skips is not reachable here (no registry behind
 * registry.example.com), so these runs use a fresh cache each time.
 */
class KanikoEngineTest {
    @TempDir
    Path root;
    FakeCluster cluster;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        cluster = new FakeCluster();
        write(root, "api/Dockerfile", "FROM alpine:3\nCOPY . /app\n");
        write(root, "api/main.go", "package main\n");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    RunResult run(String imageExtra) throws Exception {
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  api:\n    image: registry.example.com/team/api\n    context: ./api\n"
                + "    dockerfile: ./api/Dockerfile\n" + imageExtra);
        EngineSettings settings = EngineSettings.of(Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://127.0.0.1:1"),
                new StaticCredentials(Map.of("registry.example.com", new RegistryCredential("registry.example.com", "ci", Password.of("pw"),
                        "test")), null), events::add)
                .withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO))
                .withDaemonFactory(() -> DockerDaemon.fromEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1")))
                .withClusterFactory(() -> Optional.of(cluster.connection()));
        RunOptions o = TestOptions.of(root.resolve("devspace.yaml"), root, root.resolve(".devspace/cache.json"), null, Map.of(), true, false, 0,
                false, false, List.of("t1"), List.of());
        return new BuildEngine(settings).build(o);
    }

    @Test
    void unreachableDaemonFallsBackToKanikoAndCreatesThePullSecret() throws Exception {
        RunResult r = run("");
        ImageResult api = r.images().get(0);
        assertThat(api.status()).as(events.toString()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(api.builder()).isEqualTo("kaniko");
        assertThat(api.digest()).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(events).anyMatch(e -> e instanceof BuildEvent.BuilderChosen b && b.fallback() && b.builder().equals("kaniko")
                && b.why().startsWith("the Docker daemon is unreachable and a cluster is configured (the fake cluster)"));
        assertThat(Files.readString(root.resolve(".devspace/cache.json"))).contains("\"builder\" : \"kaniko\"");
        ServiceAccount sa = cluster.client().serviceAccounts().inNamespace("test").withName("default").get();
        assertThat(sa.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("devspace-auth-registry-example-com");
        assertThat(events).contains(new BuildEvent.PullSecretEnsured("test", "devspace-auth-registry-example-com", "registry.example.com",
                "created", List.of("default")));
    }

    @Test
    void disableFallbackFailsWithTheDaemonError() throws Exception {
        RunResult r = run("    docker:\n      disableFallback: true\n");
        assertThat(r.images().get(0).reason()).startsWith("Docker daemon not reachable at tcp://127.0.0.1:1")
                .endsWith("(docker.disableFallback is set, so no other builder is tried)");
        assertThat(cluster.createdPods).isEmpty();
    }

    @Test
    void kanikoBlockBuildsInTheCluster() throws Exception {
        RunResult r = run("    createPullSecret: false\n    kaniko:\n      cache: false\n");
        assertThat(r.images().get(0).status()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(events).contains(new BuildEvent.BuilderChosen("api", "kaniko", "images.api.kaniko", false));
        assertThat(cluster.client().secrets().inNamespace("test").list().getItems()).isEmpty();
    }
}
