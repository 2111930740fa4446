package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent side of the step, run directly (no Jenkins: only plugin and engine code runs, the Jenkins stubs are never
 * called): the build callable and the stop callable that an abort sends as a second channel call.
 */
class AgentBuildUnitTest {
    @TempDir
    Path workspace;
    @TempDir
    Path tmp;

    private final CapturingListener listener = new CapturingListener();

    private String log() {
        return listener.text();
    }

    private void project(String workerCommand) throws Exception {
        Files.writeString(workspace.resolve("devspace.yaml"), """
                version: v2beta1
                images:
                  app:
                    image: 127.0.0.1:1/team/app
                    custom:
                      command: echo building app
                      onChange: ["./src/**"]
                  worker:
                    image: 127.0.0.1:1/team/worker
                    custom:
                      command: %s
                      skipImageArg: true
                      onChange: ["./worker/**"]
                """.formatted(workerCommand), StandardCharsets.UTF_8);
        Files.createDirectories(workspace.resolve("src"));
        Files.createDirectories(workspace.resolve("worker"));
        Files.writeString(workspace.resolve("src/a.txt"), "a", StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("worker/w.txt"), "w", StandardCharsets.UTF_8);
    }

    private AgentBuild build(String token, StepSecrets secrets) {
        return new AgentBuild(token, new StepOptions(null, false, false, 0, false, true, List.of(), List.of()), CacheStore.toJson(BuildCache.empty()),
                tmp.resolve("cache.json").toString(), System.getenv(), List.of(), listener, null, null, secrets, null);
    }

    @Test
    void aStopCallCancelsTheRunningBuildWhichReturnsWithTheFinishedImagesCached() throws Exception {
        project("sleep 300");
        AgentBuild build = build("t1", StepSecrets.of(List.of(), null));
        File ws = workspace.toFile();
        long t0 = System.nanoTime();
        CompletableFuture<AgentOutcome> running = CompletableFuture.supplyAsync(() -> {
            try {
                return build.invoke(ws, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!log().contains("[app] built") || !log().contains("[worker] building with the custom command: sleep 300")) {
            assertThat(running).isNotDone();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
            Thread.sleep(50);
        }
        assertThat(new AgentBuild.Stop("other").invoke(ws, null)).isFalse();
        assertThat(new AgentBuild.Stop("t1").invoke(ws, null)).isTrue();
        AgentOutcome outcome = running.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
        assertThat(outcome.error).isNull();
        assertThat(outcome.result.cancelled()).isTrue();
        assertThat(outcome.result.images()).filteredOn(i -> i.name().equals("app")).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(ImageResult.Status.BUILT));
        assertThat(Files.readString(tmp.resolve("cache.json"))).contains("\"app\"").doesNotContain("\"worker\"");
        assertThat(new AgentBuild.Stop("t1").invoke(ws, null)).as("nothing runs under the token any more").isFalse();
    }

    @Test
    void aConfigurationErrorComesBackAsAMaskedMessage() throws Exception {
        Files.writeString(workspace.resolve("devspace.yaml"), "version: v2beta1\nimages:\n  a:\n    image: x/a\n    tagz: [kube-t0ken-value]\n"
                + "    custom:\n      command: echo hi\n", StandardCharsets.UTF_8);
        AgentOutcome outcome = build("t2", StepSecrets.of(List.of(), StepSecretsUnitTest.KUBECONFIG)).invoke(workspace.toFile(), null);
        assertThat(outcome.result).isNull();
        assertThat(outcome.error).contains(":5:5: images.a.tagz: unknown key; did you mean 'tags'?");
    }

    @Test
    void whatACommandPrintsIsMaskedInTheLogAndTheRowsKeptWithTheBuild() throws Exception {
        project("echo \"logging in with kube-t0ken-value\"; exit 3");
        StepSecrets secrets = StepSecrets.of(List.of(), StepSecretsUnitTest.KUBECONFIG);
        AgentOutcome outcome = build("t3", secrets).invoke(workspace.toFile(), null);
        // the command's output line is masked here; the other events that quote it (the FAILED line with the last output)
        // go through the engine's single masking boundary (issue 9.4, engine side), whose test covers them
        assertThat(log()).contains("[worker] logging in with ****");
        assertThat(outcome.result.failed()).isTrue();
        ImageResult planted = new ImageResult("worker", "127.0.0.1:1/team/worker", List.of("t"), null, null, ImageResult.Status.FAILED,
                "exit 3: logging in with kube-t0ken-value", "custom", 1);
        DevSpaceBuildAction action = DevSpaceBuildAction.merge(null, new io.jenkins.plugins.devspacebuild.result.RunResult(List.of(planted), false),
                secrets.masker());
        assertThat(action.getRows()).singleElement().satisfies(r -> assertThat(r.getReason()).isEqualTo("exit 3: logging in with ****"));
    }
}
