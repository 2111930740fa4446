package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;

import io.jenkins.plugins.devspacebuild.builder.BuildServices;
import io.jenkins.plugins.devspacebuild.builder.BuilderSelector;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheRecorder;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cache.ContextHasher;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ConfigLoader;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ProjectConfig;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.tag.TagResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's front door, used by the CLI and by the Jenkins step on the agent. It runs DevSpace's image-building
 * process: load devspace.yaml; per image load the Dockerfile, apply the override, load the context, hash and decide;
 * then build, tag and push the images that changed, in parallel, and record each in the cache.
 */
public final class BuildEngine {
    private final EngineSettings settings;
    private volatile BuildOrchestrator orchestrator;
    private volatile Thread runner;
    private volatile boolean cancelled;

    public BuildEngine(EngineSettings settings) {
        this.settings = settings;
    }

    /** What {@link #plan} found. */
    public record Plan(ProjectConfig project, List<ImagePlan> images, BuildCache cache) {
    }

    public ProjectConfig loadConfig(RunOptions options) throws ConfigException {
        ProjectConfig project = ConfigLoader.load(new ConfigLoader.Request(options.configFile(), options.projectRoot(), options.variables(),
                settings.environment()));
        project.warnings().forEach(w -> settings.events().warning(null, w));
        return project;
    }

    /** Steps 1–4 for the selected images; nothing is built. */
    public Plan plan(RunOptions options) throws DevSpaceBuildException, InterruptedException {
        ProjectConfig project = loadConfig(options);
        BuildCache cache = loadCache(options);
        List<ImageConfig> images = select(project, options.images());
        try (ContextHasher hasher = new ContextHasher(settings.hashThreads())) {
            ImagePlanner planner = new ImagePlanner(project, hasher, settings.events());
            List<ImagePlan> plans = new ArrayList<>();
            for (ImageConfig image : images) {
                plans.add(planOne(planner, image, cache, options.forceBuild()));
            }
            return new Plan(project, plans, cache);
        }
    }

    /** The whole process. Returns the results; a failed image is in the results, not an exception. */
    public RunResult build(RunOptions options) throws DevSpaceBuildException, InterruptedException {
        runner = Thread.currentThread();
        try {
            ProjectConfig project = loadConfig(options);
            BuildCache cache = loadCache(options);
            List<ImageConfig> images = select(project, options.images());
            EventSink events = settings.events();
            BuildServices services = new BuildServices(settings.environment(), settings.credentials(), events, settings.retry(),
                    project.configFile().getParent(), settings.insecureRegistries());
            RegistryClient registry = new RegistryClient(settings.credentials(), settings.retry(), events, settings.insecureRegistries());
            CacheRecorder recorder = new CacheRecorder(options.cacheFile(), cache);
            try (BuilderSelector builders = new BuilderSelector(services, registry, settings.daemonFactory(), settings.clusterFactory(),
                    options.builder()).withLocalCluster(settings.localCluster())) {
                if (options.builder() == null ? images.stream().anyMatch(i -> i.builder() instanceof DockerSpec) : options.builder().equals("docker")) {
                    // contact the daemon while the contexts are hashed: its client takes a while to start
                    Thread probe = new Thread(builders::daemon, "devspace-build-daemon-probe");
                    probe.setDaemon(true);
                    probe.start();
                }
                List<ImagePlan> plans = new ArrayList<>();
                long[] planningMs = new long[images.size()];
                try (ContextHasher hasher = new ContextHasher(settings.hashThreads())) {
                    ImagePlanner planner = new ImagePlanner(project, hasher, events);
                    for (int i = 0; i < images.size(); i++) {
                        checkCancelled();
                        long t0 = System.nanoTime();
                        plans.add(planOne(planner, images.get(i), cache, options.forceBuild()));
                        planningMs[i] = (System.nanoTime() - t0) / 1_000_000;
                    }
                }
                BuildOrchestrator o = new BuildOrchestrator(options, builders, new SkipVerifier(registry, builders, events), recorder,
                        new TagResolver(), events);
                orchestrator = o;
                checkCancelled();
                RunResult result = o.run(plans, planningMs);
                if (options.pullSecrets() && !result.cancelled()) {
                    new PullSecretStage(settings.credentials(), builders, events).run(project, result, options.skipPush());
                }
                events.accept(new BuildEvent.RunDone(result));
                return result;
            } catch (IOException e) {
                throw new DevSpaceBuildException("closing the Docker client failed: " + e.getMessage(), e);
            }
        } finally {
            orchestrator = null;
            runner = null;
        }
    }

    /**
     * Cancels a running {@link #build}: running builds are interrupted and stop; the cache keeps what was recorded.
     * The calling thread of {@link #build} then gets an {@link InterruptedException} or a cancelled result.
     */
    public void cancel() {
        cancelled = true;
        BuildOrchestrator o = orchestrator;
        if (o != null) {
            o.cancel();
        }
        Thread t = runner;
        if (t != null && o == null) {
            t.interrupt();
        }
    }

    private void checkCancelled() throws InterruptedException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
    }

    private ImagePlan planOne(ImagePlanner planner, ImageConfig image, BuildCache cache, boolean force)
            throws DevSpaceBuildException, InterruptedException {
        try {
            return planner.plan(image, cache, force);
        } catch (IOException e) {
            throw new ConfigException("images." + image.key() + ": " + e.getMessage());
        }
    }

    private BuildCache loadCache(RunOptions options) {
        if (options.initialCache() != null) {
            return options.initialCache();
        }
        CacheStore.Loaded loaded = CacheStore.read(options.cacheFile());
        if (loaded.warning() != null) {
            settings.events().warning(null, loaded.warning());
        }
        return loaded.cache();
    }

    private List<ImageConfig> select(ProjectConfig project, List<String> wanted) throws ConfigException {
        for (String w : wanted) {
            if (!project.images().containsKey(w)) {
                throw new ConfigException("no image '" + w + "' in " + project.display(project.configFile()) + "; its images are: "
                        + String.join(", ", project.images().keySet()));
            }
        }
        List<ImageConfig> out = new ArrayList<>();
        for (ImageConfig image : project.images().values()) {
            if (!wanted.isEmpty() && !wanted.contains(image.key())) {
                continue;
            }
            if (image.disabled()) {
                settings.events().info(image.key(), "build.disabled is set: not built");
                continue;
            }
            out.add(image);
        }
        return out;
    }
}
