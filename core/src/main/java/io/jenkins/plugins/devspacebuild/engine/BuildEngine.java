package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuildServices;
import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.builder.Connections;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheRecorder;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cache.ContextHasher;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ConfigLoader;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ProjectConfig;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.event.SecretMasker;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.tag.TagResolver;
import io.jenkins.plugins.devspacebuild.util.ConfinedPaths;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's front door, used by the CLI and by the Jenkins step on the agent. Its stages run in one direction
 * (docs/architecture.md): load (config, cache, selected images) → plan (hash, decide, verify skips: the announced
 * decision is final) → schedule ({@link Scheduler}, {@link Parallelism}) → per image: tag → build → push → record
 * ({@link ImageRun}) → results → publish (pull secrets, the summary). Every string that leaves it passes through the
 * {@link MaskingBoundary}.
 */
public final class BuildEngine {
    /** How long a cancelled run waits for its running builds to stop. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(60);

    private final EngineSettings settings;
    private final MaskingBoundary boundary;
    private final EventSink events;
    private volatile Scheduler scheduler;
    private volatile boolean cancelled;

    public BuildEngine(EngineSettings settings) {
        this.settings = settings;
        this.boundary = new MaskingBoundary(SecretMasker.of(settings.secrets()));
        this.events = boundary.events(settings.events());
    }

    /** What {@link #plan} found. */
    public record Plan(ProjectConfig project, List<ImagePlan> images, BuildCache cache) {
    }

    /** The load stage's first step: devspace.yaml with its profiles and variables. */
    public ProjectConfig loadConfig(RunOptions options) throws DevSpaceBuildException {
        try {
            return load(options);
        } catch (DevSpaceBuildException e) {
            throw boundary.exception(e);
        }
    }

    /** An image's build context as it will be sent: one line per entry, and the warnings of the walk. */
    public record ContextListing(List<String> entries, List<String> warnings) {
    }

    /** The build context of one image ({@code devspace-build context list}). */
    public ContextListing listContext(RunOptions options, String imageKey) throws DevSpaceBuildException {
        try {
            ProjectConfig project = load(options);
            requireImages(project, List.of(imageKey));
            ImageConfig image = project.images().get(imageKey);
            BuildContext context = ContextWalker.walk(image.context(), image.dockerfile(), project.projectRoot());
            return new ContextListing(context.entries().stream().map(ContextEntry::listing).toList(), context.warnings());
        } catch (DevSpaceBuildException e) {
            throw boundary.exception(e);
        }
    }

    /** Load and the first half of plan for the selected images, from the cache alone (no registry): nothing is built. */
    public Plan plan(RunOptions options) throws DevSpaceBuildException, InterruptedException {
        try {
            ProjectConfig project = load(options);
            BuildCache cache = loadCache(options);
            List<ImageConfig> selected = select(project, options.images());
            List<ImagePlan> plans = hashAndDecide(project, built(selected), cache, options, new Scheduler(CANCEL_WAIT));
            announce(selected, plans);
            return new Plan(project, plans, cache);
        } catch (DevSpaceBuildException e) {
            throw boundary.exception(e);
        } catch (RuntimeException e) {
            throw boundary.exception(e);
        }
    }

    /** The whole process. Returns the results; a failed image is in the results, not an exception. */
    public RunResult build(RunOptions options) throws DevSpaceBuildException, InterruptedException {
        Scheduler s = new Scheduler(CANCEL_WAIT);
        s.enter();
        scheduler = s;
        if (cancelled) {
            s.cancel();
        }
        try {
            return boundary.result(stages(options, s));
        } catch (DevSpaceBuildException e) {
            throw boundary.exception(e);
        } catch (RuntimeException e) {
            throw boundary.exception(e);
        } finally {
            scheduler = null;
            s.leave();
        }
    }

    /**
     * Cancels a running {@link #build}: running builds are interrupted and stop; the cache keeps what was recorded.
     * The calling thread of {@link #build} then gets an {@link InterruptedException} (while planning) or a cancelled
     * result.
     */
    public void cancel() {
        cancelled = true;
        Scheduler s = scheduler;
        if (s != null) {
            s.cancel();
        }
    }

    private RunResult stages(RunOptions options, Scheduler scheduler) throws DevSpaceBuildException, InterruptedException {
        // load
        ProjectConfig project = load(options);
        BuildCache cache = loadCache(options);
        List<ImageConfig> selected = select(project, options.images());
        List<ImageConfig> images = built(selected);
        BuildServices services = new BuildServices(settings.environment(), settings.credentials(), events, settings.retry(),
                project.configFile().getParent(), settings.insecureRegistries(), settings.processes());
        RegistryClient registry = new RegistryClient(settings.credentials(), settings.retry(), events, settings.insecureRegistries());
        try (Connections connections = new Connections(settings.daemonFactory(), settings.clusterFactory(), settings.localCluster())) {
            BuilderFactory.RunBuilders builders = settings.builders().open(services, registry, connections, options.builder());
            if (images.stream().anyMatch(i -> kind(options, i) == BuilderKind.DOCKER || kind(options, i) == BuilderKind.BUILDKIT)) {
                // contact the daemon while the contexts are hashed: its client takes a while to start
                scheduler.prepare("daemon-probe", connections::daemon);
            }
            // plan: hash and decide, verify the skips, then announce the final decisions
            List<ImagePlan> plans = hashAndDecide(project, images, cache, options, scheduler);
            plans = verify(plans, options, new SkipVerifier(registry, builders::existsLocally, events), scheduler);
            announce(selected, plans);
            scheduler.checkCancelled();
            // schedule, and per image: tag, build, push, record
            List<ImagePlan> toBuild = plans.stream().filter(p -> p.failure() == null && p.decision().isBuild()).toList();
            Set<BuilderKind> kinds = toBuild.stream().map(p -> kind(options, p.image())).collect(Collectors.toSet());
            int limit = Parallelism.of(options, toBuild.size(), kinds, Runtime.getRuntime().availableProcessors());
            events.accept(new BuildEvent.Scheduled(toBuild.size(), limit, options.buildSequential()));
            CacheRecorder recorder = new CacheRecorder(options.cacheFile(), cache);
            List<ImageResult> results;
            try {
                RuntimeImages runtime = new RuntimeImages(plans, cache);
                results = scheduler.run(RuntimeImages.order(plans), limit, options.failFast(),
                        new ImageRun(options, builders, recorder, new TagResolver(), events, runtime));
            } finally {
                // the recorder batches its writes: write what is pending, also when cancelled
                recorder.finish().ifPresent(w -> events.warning(null, w));
            }
            RunResult result = new RunResult(withDisabled(selected, results, cache, options), scheduler.cancelled());
            // publish
            if (options.pullSecrets() && !result.cancelled()) {
                new PullSecretStage(settings.credentials(), connections, events).run(project, result, options.skipPush());
            }
            events.accept(EventValues.runDone(result));
            return result;
        } catch (IOException e) {
            throw new DevSpaceBuildException("closing the Docker client failed: " + e.getMessage(), e);
        }
    }

    private static BuilderKind kind(RunOptions options, ImageConfig image) {
        return options.builder().orElse(image.builder().kind());
    }

    private ProjectConfig load(RunOptions options) throws ConfigException {
        ProjectConfig project = ConfigLoader.load(new ConfigLoader.Request(options.configFile(), options.projectRoot(), options.variables(),
                settings.environment(), options.profiles()));
        project.warnings().forEach(w -> events.warning(null, w));
        return project;
    }

    private List<ImagePlan> hashAndDecide(ProjectConfig project, List<ImageConfig> images, BuildCache cache, RunOptions options,
                                          Scheduler scheduler) throws DevSpaceBuildException, InterruptedException {
        List<ImagePlan> plans = new ArrayList<>();
        try (ContextHasher hasher = new ContextHasher(settings.hashThreads())) {
            ImagePlanner planner = new ImagePlanner(project, hasher, events);
            for (ImageConfig image : images) {
                scheduler.checkCancelled();
                try {
                    plans.add(planner.plan(image, cache, options.forceBuild()));
                } catch (IOException e) {
                    throw new ConfigException("images." + image.key() + ": " + e.getMessage());
                }
            }
        }
        return plans;
    }

    /** The skips, checked against the registry or the local store, several at once. */
    private List<ImagePlan> verify(List<ImagePlan> plans, RunOptions options, SkipVerifier verifier, Scheduler scheduler)
            throws InterruptedException {
        long skips = plans.stream().filter(p -> !p.decision().isBuild()).count();
        return scheduler.run(plans, Parallelism.verification((int) skips, Runtime.getRuntime().availableProcessors()), false,
                new Scheduler.Work<>() {
                    @Override
                    public ImagePlan run(ImagePlan p) throws InterruptedException {
                        long start = System.nanoTime();
                        try {
                            return verifier.verify(p, !options.skipPush() && !p.image().skipPush());
                        } catch (IOException e) {
                            return p.failed(e.getMessage(), (System.nanoTime() - start) / 1_000_000);
                        }
                    }

                    @Override
                    public ImagePlan notRun(ImagePlan p, String why) {
                        return p.failed(why, 0);
                    }
                });
    }

    private BuildCache loadCache(RunOptions options) throws ConfigException {
        try {
            // the cache and .devspace/ are written: a link must not lead them out of the project
            ConfinedPaths.requireInside(options.projectRoot(), options.cacheFile(), "the cache");
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
        if (options.initialCache() != null) {
            events.accept(new BuildEvent.CacheLoaded("the cache given by the caller", options.initialCache().images().size()));
            return options.initialCache();
        }
        CacheStore.Loaded loaded = CacheStore.read(options.cacheFile());
        if (loaded.warning() != null) {
            events.warning(null, loaded.warning());
        }
        events.accept(new BuildEvent.CacheLoaded(options.cacheFile().toString(), loaded.cache().images().size()));
        return loaded.cache();
    }

    private static void requireImages(ProjectConfig project, List<String> wanted) throws ConfigException {
        for (String w : wanted) {
            if (!project.images().containsKey(w)) {
                throw new ConfigException("no image '" + w + "' in " + project.display(project.configFile()) + "; its images are: "
                        + String.join(", ", project.images().keySet()));
            }
        }
    }

    private List<ImageConfig> select(ProjectConfig project, List<String> wanted) throws ConfigException {
        requireImages(project, wanted);
        List<ImageConfig> out = new ArrayList<>();
        for (ImageConfig image : project.images().values()) {
            if (!wanted.isEmpty() && !wanted.contains(image.key())) {
                continue;
            }
            out.add(image);
        }
        return out;
    }

    /** The selected images that are hashed and built: all but the disabled ones ({@link DisabledImages}). */
    private static List<ImageConfig> built(List<ImageConfig> selected) {
        return selected.stream().filter(i -> !DisabledImages.isDisabled(i)).toList();
    }

    /** The final decisions, in devspace.yaml order, the disabled images among them. */
    private void announce(List<ImageConfig> selected, List<ImagePlan> plans) {
        Map<String, ImagePlan> byKey = plans.stream().collect(Collectors.toMap(ImagePlan::key, p -> p));
        for (ImageConfig image : selected) {
            ImagePlan p = byKey.get(image.key());
            events.accept(p == null ? DisabledImages.decided(image) : EventValues.decided(p));
        }
    }

    /** The results in devspace.yaml order, a skipped result for each disabled image among them. */
    private List<ImageResult> withDisabled(List<ImageConfig> selected, List<ImageResult> results, BuildCache cache, RunOptions options) {
        Map<String, ImageResult> byKey = results.stream().collect(Collectors.toMap(ImageResult::name, r -> r));
        List<ImageResult> out = new ArrayList<>();
        for (ImageConfig image : selected) {
            ImageResult r = byKey.get(image.key());
            if (r == null && DisabledImages.isDisabled(image)) {
                r = DisabledImages.result(image, cache, !options.skipPush() && !image.skipPush());
                events.accept(new BuildEvent.ImageDone(EventValues.line(r)));
            }
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
