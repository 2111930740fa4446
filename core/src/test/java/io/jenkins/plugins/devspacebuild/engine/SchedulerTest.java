package io.jenkins.plugins.devspacebuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler with fake work: no Docker, no builder. Items are names; a result is "name:outcome". */
@Timeout(120)
class SchedulerTest {
    final Scheduler scheduler = new Scheduler(Duration.ofSeconds(30));
    final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
    final List<String> done = Collections.synchronizedList(new ArrayList<>());
    final List<String> failingFast = Collections.synchronizedList(new ArrayList<>());
    /** Blocks an item until it is interrupted (a build that runs until cancelled). */
    final CountDownLatch never = new CountDownLatch(1);

    CountDownLatch started(String item) {
        return started.computeIfAbsent(item, k -> new CountDownLatch(1));
    }

    /** Work whose items "block" until interrupted, "fail" at once (after "block" started, when there is one), else succeed. */
    Scheduler.Work<String, String> work(Predicate<String> blocks) {
        return new Scheduler.Work<>() {
            @Override
            public String run(String item) throws InterruptedException {
                started(item).countDown();
                if (blocks.test(item)) {
                    never.await();
                }
                if (item.startsWith("fail")) {
                    return item + ":failed";
                }
                return item + ":ok";
            }

            @Override
            public String notRun(String item, String why) {
                return item + ":" + why;
            }

            @Override
            public boolean failed(String result) {
                return result.endsWith(":failed");
            }

            @Override
            public void done(String item, String result) {
                done.add(result);
            }

            @Override
            public void failingFast(String item) {
                failingFast.add(item);
            }
        };
    }

    @Test
    void honoursTheParallelLimit() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        CountDownLatch threeIn = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        Scheduler.Work<Integer, Integer> w = new Scheduler.Work<>() {
            @Override
            public Integer run(Integer item) throws InterruptedException {
                max.accumulateAndGet(running.incrementAndGet(), Math::max);
                threeIn.countDown();
                release.await();
                running.decrementAndGet();
                return item * 10;
            }

            @Override
            public Integer notRun(Integer item, String why) {
                return -1;
            }
        };
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        CompletableFuture<List<Integer>> results = CompletableFuture.supplyAsync(() -> {
            try {
                return scheduler.run(items, 3, false, w);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(threeIn.await(60, TimeUnit.SECONDS)).isTrue();
        // with 3 blocked, a scheduler that ignored the limit would have started the other 5 by now (they need no work);
        // half a second is plenty for threads that are ready, and a pass here cannot come from a slow machine
        Thread.sleep(500);
        assertThat(running.get()).isEqualTo(3);
        release.countDown();
        assertThat(results.get(60, TimeUnit.SECONDS)).containsExactly(10, 20, 30, 40, 50, 60, 70, 80);
        assertThat(max.get()).isEqualTo(3);
    }

    @Test
    void failFastCancelsTheRunningAndTheWaitingOnes() throws Exception {
        Scheduler.Work<String, String> w = work(i -> i.equals("slow"));
        // "fail" waits until "slow" runs, so both run at once; "later" waits for a free thread and never gets one
        Scheduler.Work<String, String> ordered = new Scheduler.Work<>() {
            @Override
            public String run(String item) throws InterruptedException {
                if (item.equals("fail")) {
                    assertThat(started("slow").await(60, TimeUnit.SECONDS)).isTrue();
                }
                return w.run(item);
            }

            @Override
            public String notRun(String item, String why) {
                return w.notRun(item, why);
            }

            @Override
            public boolean failed(String result) {
                return w.failed(result);
            }

            @Override
            public void done(String item, String result) {
                w.done(item, result);
            }

            @Override
            public void failingFast(String item) {
                w.failingFast(item);
            }
        };
        List<String> r = scheduler.run(List.of("slow", "fail", "later"), 2, true, ordered);
        assertThat(r).containsExactly("slow:cancelled", "fail:failed", "later:cancelled before it started");
        assertThat(failingFast).containsExactly("fail");
        assertThat(scheduler.cancelled()).isTrue();
        assertThat(done).containsExactlyInAnyOrder("slow:cancelled", "fail:failed", "later:cancelled before it started");
    }

    @Test
    void withoutFailFastAFailureDoesNotStopTheOthers() throws Exception {
        List<String> r = scheduler.run(List.of("a", "fail", "b"), 1, false, work(i -> false));
        assertThat(r).containsExactly("a:ok", "fail:failed", "b:ok");
        assertThat(failingFast).isEmpty();
        assertThat(scheduler.cancelled()).isFalse();
    }

    @Test
    void cancelWhileBuildingStopsTheRunningItemAndEndsTheWaitingOnes() throws Exception {
        CompletableFuture<List<String>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return scheduler.run(List.of("build", "queued"), 1, false, work(i -> true));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started("build").await(60, TimeUnit.SECONDS)).isTrue();
        scheduler.cancel();
        assertThat(run.get(60, TimeUnit.SECONDS)).containsExactly("build:cancelled", "queued:cancelled before it started");
        assertThat(scheduler.cancelled()).isTrue();
        assertThat(started("queued").getCount()).as("the queued item never ran").isEqualTo(1);
    }

    @Test
    void interruptingTheWaitingCallerCancelsAndWaitsForTheItemsToStop() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                scheduler.run(List.of("build", "queued"), 1, false, work(i -> true));
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        caller.start();
        assertThat(started("build").await(60, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        assertThat(thrown.get(60, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        // the caller got the exception only after the items had stopped
        assertThat(done).containsExactlyInAnyOrder("build:cancelled", "queued:cancelled before it started");
    }

    @Test
    void cancelBeforeRunEndsEveryItemAndInterruptsTheOwnerOutsideRun() throws Exception {
        scheduler.enter();
        try {
            scheduler.cancel();
            assertThat(Thread.interrupted()).as("the owner is interrupted while it plans").isTrue();
            assertThatThrownBy(scheduler::checkCancelled).isInstanceOf(InterruptedException.class);
            assertThat(scheduler.run(List.of("a", "b"), 2, false, work(i -> false)))
                    .containsExactly("a:cancelled before it started", "b:cancelled before it started");
        } finally {
            scheduler.leave();
        }
    }

    @Test
    void aCrashInTheWorksOwnReportingReachesTheCallerInsteadOfHangingIt() {
        Scheduler.Work<String, String> broken = new Scheduler.Work<>() {
            @Override
            public String run(String item) {
                throw new IllegalStateException("the build crashed");
            }

            @Override
            public String notRun(String item, String why) {
                throw new NoClassDefFoundError("reporting failed too");
            }
        };
        assertThatThrownBy(() -> scheduler.run(List.of("a"), 1, false, broken)).isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void defaultParallelismIsCappedByCoresAndBuilderKind() throws Exception {
        var docker = java.util.Set.of(io.jenkins.plugins.devspacebuild.config.BuilderKind.DOCKER);
        var embedded = java.util.Set.of(io.jenkins.plugins.devspacebuild.config.BuilderKind.EMBEDDED,
                io.jenkins.plugins.devspacebuild.config.BuilderKind.KANIKO);
        assertThat(Parallelism.defaultCap(docker, 2)).isEqualTo(4);
        assertThat(Parallelism.defaultCap(docker, 16)).isEqualTo(32);
        assertThat(Parallelism.defaultCap(embedded, 16)).isEqualTo(16);
        assertThat(Parallelism.defaultCap(java.util.Set.of(io.jenkins.plugins.devspacebuild.config.BuilderKind.KANIKO), 2)).isEqualTo(8);
        RunOptions defaults = RunOptions.builder(java.nio.file.Path.of("/p/devspace.yaml")).build();
        assertThat(Parallelism.of(defaults, 1000, docker, 2)).as("1,000 images do not start 1,000 builds").isEqualTo(4);
        assertThat(Parallelism.of(defaults, 3, docker, 2)).isEqualTo(3);
        assertThat(Parallelism.of(defaults.toBuilder().maxParallel(50).build(), 1000, docker, 2)).isEqualTo(50);
        assertThat(Parallelism.of(defaults.toBuilder().buildSequential(true).build(), 1000, docker, 2)).isEqualTo(1);
    }
}
