package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.builder.BuildFailedException;
import io.jenkins.plugins.devspacebuild.builder.BuildOutcome;
import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.builder.ImageBuilder;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole engine with fake builders through the builder port: no Docker, no cluster, no registry. */
@Timeout(120)
class FakeBuildersTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch slowStarted = new CountDownLatch(1);

    /** "bad" fails, "slow" runs until interrupted, the others build at once. */
    final BuilderFactory fakes = (services, registry, connections, override) -> new BuilderFactory.RunBuilders() {
        @Override
        public ImageBuilder select(io.jenkins.plugins.devspacebuild.config.ImageConfig image, io.jenkins.plugins.devspacebuild.builder.BuildInput in) {
            return new ImageBuilder() {
                @Override
                public BuilderKind kind() {
                    // a daemon-like kind: its skips are verified against the (fake) local store
                    return BuilderKind.DOCKER;
                }

                @Override
                public BuildOutcome build(io.jenkins.plugins.devspacebuild.builder.BuildRequest request)
                        throws BuildFailedException, InterruptedException {
                    switch (request.key()) {
                        case "bad" -> throw new BuildFailedException("the fake build of bad failed");
                        case "slow" -> {
                            slowStarted.countDown();
                            new CountDownLatch(1).await();
                        }
                        default -> {
                        }
                    }
                    return new BuildOutcome(name(), null, "fake-id-" + request.key());
                }
            };
        }

        @Override
        public boolean existsLocally(io.jenkins.plugins.devspacebuild.cache.CacheEntry entry) {
            return true;
        }
    };

    BuildEngine engine() {
        EngineSettings s = EngineSettings.of(Map.of("PATH", "/usr/bin:/bin"), RegistryCredentials.NONE, events::add)
                .withClusterFactory(ClusterFactory.NONE).withBuilders(fakes);
        return new BuildEngine(s);
    }

    RunOptions options(String... images) throws Exception {
        StringBuilder yaml = new StringBuilder("version: v2beta1\nimages:\n");
        for (String i : images) {
            write(root, i + "/file.txt", i);
            yaml.append("  ").append(i).append(":\n    image: registry.example.com/").append(i).append("\n    context: ./").append(i)
                    .append("\n    custom:\n      command: ./never-run.sh\n")
                    // without onChange a custom builder always rebuilds (DevSpace's rule); with it the skip applies
                    .append("      onChange: [\"./").append(i).append("/**\"]\n");
        }
        write(root, "devspace.yaml", yaml.toString());
        return RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root).skipPush(true).tags(List.of("t1")).build();
    }

    static ImageResult result(RunResult r, String name) {
        return r.images().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void oneFailureKeepsTheCacheEntriesOfTheOthers() throws Exception {
        RunOptions o = options("one", "bad", "two");
        RunResult r = engine().build(o);
        assertThat(result(r, "bad").reason()).isEqualTo("the fake build of bad failed");
        assertThat(result(r, "one").status()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(result(r, "two").status()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(CacheStore.read(o.cacheFile()).cache().images()).containsOnlyKeys("one", "two");

        RunResult again = engine().build(o);
        assertThat(result(again, "one").status()).isEqualTo(ImageResult.Status.SKIPPED);
        assertThat(result(again, "bad").status()).isEqualTo(ImageResult.Status.FAILED);
    }

    @Test
    void theDecisionIsAnnouncedOnceAndAfterTheSkipWasVerified() throws Exception {
        RunOptions o = options("one");
        engine().build(o);
        events.clear();
        engine().build(o);
        List<BuildEvent> about = events.stream().filter(e -> "one".equals(e.image())).toList();
        assertThat(about.stream().filter(e -> e instanceof BuildEvent.Decided)).hasSize(1);
        int verified = about.indexOf(about.stream().filter(e -> e instanceof BuildEvent.SkipVerified).findFirst().orElseThrow());
        int decided = about.indexOf(about.stream().filter(e -> e instanceof BuildEvent.Decided).findFirst().orElseThrow());
        assertThat(verified).isLessThan(decided);
        assertThat(((BuildEvent.Decided) about.get(decided)).build()).isFalse();
    }

    @Test
    void cancelWhileBuildingKeepsWhatFinished() throws Exception {
        RunOptions o = options("one", "slow");
        BuildEngine engine = engine();
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.build(o);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slowStarted.await(60, TimeUnit.SECONDS)).isTrue();
        // "one" needs no wait: wait for its result event rather than for time
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.stream().noneMatch(e -> e instanceof BuildEvent.ImageDone d && d.image().equals("one")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        engine.cancel();
        RunResult r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.cancelled()).isTrue();
        assertThat(result(r, "slow").reason()).isEqualTo("cancelled");
        assertThat(CacheStore.read(o.cacheFile()).cache().images()).containsOnlyKeys("one");
    }
}
