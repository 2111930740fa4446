package io.jenkins.plugins.devspacebuild.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process port: the local launcher, and that the engine starts the builders' processes through the one it is given. */
class ProcessLauncherTest {
    @TempDir
    Path dir;

    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    @Test
    void localRunsWithExactlyTheGivenEnvironmentMergesOutputAndFeedsStdin() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ProcessLauncher.LOCAL.run(List.of("/bin/sh", "-c", "echo \"v=$V home=$HOME\"; cat; echo err >&2; exit 7"),
                Map.of("PATH", "/usr/bin:/bin", "V", "1"), dir, in -> in.write("from stdin\n".getBytes(StandardCharsets.UTF_8)), out);
        assertThat(code).isEqualTo(7);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("v=1 home=\nfrom stdin\nerr\n");
    }

    @Test
    void localKillsTheProcessTreeWhenInterrupted() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                ProcessLauncher.LOCAL.run(List.of("/bin/sh", "-c", "sleep 300; echo never"), PATH, dir, null, OutputStream.nullOutputStream());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        long t0 = System.nanoTime();
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(Duration.ofSeconds(20).toMillis());
        assertThat(t.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theEngineStartsCustomCommandsThroughTheLauncherItIsGiven() throws Exception {
        Files.writeString(dir.resolve("devspace.yaml"), """
                version: v2beta1
                images:
                  app:
                    image: 127.0.0.1:1/team/app
                    custom:
                      command: echo building
                """, StandardCharsets.UTF_8);
        List<List<String>> started = new CopyOnWriteArrayList<>();
        ProcessLauncher recording = (command, environment, directory, stdin, output) -> {
            started.add(command);
            assertThat(directory).isEqualTo(dir);
            return ProcessLauncher.LOCAL.run(command, environment, directory, stdin, output);
        };
        EngineSettings settings = EngineSettings.of(PATH, RegistryCredentials.NONE, EventSink.NONE).withProcessLauncher(recording)
                .withRetry(io.jenkins.plugins.devspacebuild.registry.RetryPolicy.NONE);
        assertThat(settings.withEvents(EventSink.NONE).processes()).as("withers keep the launcher").isSameAs(recording);
        RunResult result = new BuildEngine(settings).build(RunOptions.builder(dir.resolve("devspace.yaml")).projectRoot(dir)
                .cacheFile(dir.resolve("cache.json")).initialCache(BuildCache.empty()).forceBuild(true).skipPush(true).tags(List.of("t1")).build());
        assertThat(result.images()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo(ImageResult.Status.BUILT));
        assertThat(started).singleElement().satisfies(c -> assertThat(String.join(" ", c)).contains("echo building").contains("127.0.0.1:1/team/app:t1"));
    }
}
