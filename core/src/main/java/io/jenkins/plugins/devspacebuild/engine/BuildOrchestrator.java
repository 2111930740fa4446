package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;

import io.jenkins.plugins.devspacebuild.builder.BuildOutcome;
import io.jenkins.plugins.devspacebuild.builder.BuildRequest;
import io.jenkins.plugins.devspacebuild.builder.BuilderSelector;
import io.jenkins.plugins.devspacebuild.builder.ImageBuilder;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.CacheRecorder;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.tag.TagResolver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Steps 5–7 for all planned images: verified skips, and builds in parallel (bounded by --max-parallel, one at a time
 * with --build-sequential). A failed image does not stop the others unless fail-fast; cancelling interrupts running
 * builds and waits for them to stop. Every image that built is recorded in the cache at once.
 */
final class BuildOrchestrator {
    private final RunOptions options;
    private final BuilderSelector builders;
    private final SkipVerifier verifier;
    private final CacheRecorder recorder;
    private final TagResolver tags;
    private final EventSink events;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile List<ImageTask> tasks = List.of();

    BuildOrchestrator(RunOptions options, BuilderSelector builders, SkipVerifier verifier, CacheRecorder recorder, TagResolver tags,
                      EventSink events) {
        this.options = options;
        this.builders = builders;
        this.verifier = verifier;
        this.recorder = recorder;
        this.tags = tags;
        this.events = events;
    }

    /**
     * One image's work on a pool thread. Cancelling interrupts it while it runs, or makes it end at once when it has
     * not started; either way {@link #done} completes only when nothing of it runs any more.
     */
    private final class ImageTask implements Runnable {
        final ImagePlan plan;
        final long planningMs;
        final CompletableFuture<ImageResult> done = new CompletableFuture<>();
        private Thread thread;
        private boolean stop;

        ImageTask(ImagePlan plan, long planningMs) {
            this.plan = plan;
            this.planningMs = planningMs;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (stop) {
                    finish(failed(plan, "cancelled before it started", 0, plan.image().builder().name()));
                    return;
                }
                thread = Thread.currentThread();
            }
            ImageResult r;
            try {
                r = runImage(plan, planningMs);
            } catch (RuntimeException | Error e) {
                r = failed(plan, "internal error: " + e, planningMs, plan.image().builder().name());
            } finally {
                synchronized (this) {
                    thread = null;
                }
                Thread.interrupted();
            }
            finish(r);
        }

        private void finish(ImageResult r) {
            events.accept(new BuildEvent.ImageDone(r));
            done.complete(r);
            if (r.failed() && options.failFast() && !cancelled.getAndSet(true)) {
                events.info(null, "fail-fast: cancelling the other images because " + plan.key() + " failed");
                cancelAll();
            }
        }

        synchronized void cancel() {
            stop = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    RunResult run(List<ImagePlan> plans, long[] planningMs) throws InterruptedException {
        int toBuild = (int) plans.stream().filter(p -> p.decision().isBuild()).count();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(Math.max(1, plans.size())), r -> {
            Thread t = new Thread(r, "devspace-build-image");
            t.setDaemon(true);
            return t;
        });
        if (toBuild > 1) {
            events.info(null, options.buildSequential() ? "building " + toBuild + " images one at a time"
                    : "building " + toBuild + " images, up to " + options.parallelism(toBuild) + " at once");
        }
        List<ImageTask> all = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            all.add(new ImageTask(plans.get(i), planningMs[i]));
        }
        tasks = all;
        if (cancelled.get()) {
            cancelAll();
        }
        all.forEach(pool::execute);
        pool.shutdown();
        try {
            List<ImageResult> results = new ArrayList<>();
            for (ImageTask t : all) {
                results.add(await(t));
            }
            return new RunResult(results, cancelled.get());
        } catch (InterruptedException e) {
            cancel();
            for (ImageTask t : all) {
                try {
                    t.done.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    // reported by the task itself
                }
            }
            throw e;
        }
    }

    /** Cancels every image not yet done; running builds are interrupted and waited for. */
    void cancel() {
        cancelled.set(true);
        cancelAll();
    }

    private void cancelAll() {
        for (ImageTask t : tasks) {
            t.cancel();
        }
    }

    private static ImageResult await(ImageTask t) throws InterruptedException {
        try {
            return t.done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an image task completed exceptionally", e.getCause());
        }
    }

    private ImageResult runImage(ImagePlan planned, long planningMs) {
        long start = System.nanoTime();
        ImageConfig image = planned.image();
        String builderName = image.builder().name();
        ImageResult result;
        try {
            boolean push = !options.skipPush() && !image.skipPush();
            ImagePlan plan = verifier.verify(planned, push);
            if (plan.decision() instanceof Decision.Skip skip) {
                CacheEntry e = skip.previous();
                result = new ImageResult(image.key(), image.image().repository(), e.tags(), push ? e.digest() : null, e.imageId(),
                        ImageResult.Status.SKIPPED, skip.reason(), e.builder(), planningMs + elapsed(start));
            } else {
                List<String> resolved = tags.resolve(image, options.tags());
                ImageBuilder builder = builders.select(image, plan.input());
                builderName = builder.name();
                BuildOutcome out = builder.build(new BuildRequest(image, plan.input(), resolved, push));
                builderName = out.builder();
                record(plan, resolved, out);
                result = new ImageResult(image.key(), image.image().repository(), resolved, out.digest(), out.imageId(),
                        ImageResult.Status.BUILT, plan.decision().reason(), out.builder(), planningMs + elapsed(start));
            }
        } catch (InterruptedException e) {
            result = failed(planned, "cancelled", planningMs + elapsed(start), builderName);
        } catch (DevSpaceBuildException | IOException e) {
            result = failed(planned, e.getMessage(), planningMs + elapsed(start), builderName);
        } catch (RuntimeException e) {
            result = failed(planned, "internal error: " + e, planningMs + elapsed(start), builderName);
        }
        return result;
    }

    private void record(ImagePlan plan, List<String> resolved, BuildOutcome out) {
        CacheEntry entry = new CacheEntry(plan.image().image().repository(), resolved, out.digest(), out.imageId(), plan.hashes().dockerfile(),
                plan.hashes().context(), plan.hashes().config(), out.builder(), Instant.now().toString(),
                plan.input().digest().directories());
        try {
            recorder.record(plan.key(), entry);
        } catch (IOException e) {
            events.warning(plan.key(), "built, but the cache could not be written (" + e.getMessage() + "); the next run rebuilds it");
        }
    }

    private static ImageResult failed(ImagePlan plan, String why, long ms, String builder) {
        ImageConfig image = plan.image();
        return new ImageResult(image.key(), image.image().repository(), List.of(), null, null, ImageResult.Status.FAILED, why, builder, ms);
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
