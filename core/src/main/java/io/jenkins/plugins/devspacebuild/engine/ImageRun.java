package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuildOutcome;
import io.jenkins.plugins.devspacebuild.builder.BuildRequest;
import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.builder.ImageBuilder;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.CacheRecorder;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.tag.TagResolver;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-image stages, as the function the {@link Scheduler} runs: tag → build → push (the builder pushes) → record
 * in the cache at once → result. A skipped image becomes its result directly. Every failure is a result, never an
 * exception.
 */
final class ImageRun implements Scheduler.Work<ImagePlan, ImageResult> {
    private final RunOptions options;
    private final BuilderFactory.RunBuilders builders;
    private final CacheRecorder recorder;
    private final TagResolver tags;
    private final EventSink events;
    private final RuntimeImages runtime;

    ImageRun(RunOptions options, BuilderFactory.RunBuilders builders, CacheRecorder recorder, TagResolver tags, EventSink events,
             RuntimeImages runtime) {
        this.runtime = runtime;
        this.options = options;
        this.builders = builders;
        this.recorder = recorder;
        this.tags = tags;
        this.events = events;
    }

    @Override
    public ImageResult run(ImagePlan plan) {
        long start = System.nanoTime();
        ImageConfig image = plan.image();
        String builderName = image.builder().name();
        if (plan.failure() != null) {
            return failed(plan, plan.failure(), plan.planningMs(), builderName);
        }
        boolean push = !options.skipPush() && !image.skipPush();
        try {
            if (plan.decision() instanceof Decision.Skip skip) {
                CacheEntry e = skip.previous();
                return new ImageResult(image.key(), image.image().repository(), e.tags(), push ? e.digest() : null, e.imageId(),
                        ImageResult.Status.SKIPPED, skip.reason(), e.builder(), plan.planningMs() + elapsed(start));
            }
            // the images its custom command refers to (${runtime.images.KEY.tag}) are scheduled earlier: wait for them
            runtime.await(image);
            List<String> resolved = tags.resolve(image, options.tags());
            ImageBuilder builder = builders.select(image, plan.input());
            builderName = builder.name();
            BuildOutcome out = builder.build(new BuildRequest(image, plan.input(), resolved, push, runtime::get));
            record(plan, resolved, out);
            return new ImageResult(image.key(), image.image().repository(), resolved, out.digest(), out.imageId(), ImageResult.Status.BUILT,
                    plan.decision().reason(), out.builder(), plan.planningMs() + elapsed(start));
        } catch (InterruptedException e) {
            return failed(plan, "cancelled", plan.planningMs() + elapsed(start), builderName);
        } catch (DevSpaceBuildException e) {
            return failed(plan, e.getMessage(), plan.planningMs() + elapsed(start), builderName);
        } catch (RuntimeException e) {
            return failed(plan, "internal error: " + e, plan.planningMs() + elapsed(start), builderName);
        }
    }

    @Override
    public ImageResult notRun(ImagePlan plan, String why) {
        return failed(plan, why, plan.planningMs(), plan.image().builder().name());
    }

    @Override
    public boolean failed(ImageResult result) {
        return result.failed();
    }

    @Override
    public void done(ImagePlan plan, ImageResult result) {
        runtime.finished(result);
        events.accept(new BuildEvent.ImageDone(EventValues.line(result)));
    }

    @Override
    public void failingFast(ImagePlan plan) {
        events.accept(new BuildEvent.FailFast(plan.key()));
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
