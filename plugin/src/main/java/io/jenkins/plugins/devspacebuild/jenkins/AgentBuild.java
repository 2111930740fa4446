package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.jenkins.plugins.devspacebuild.builder.ProcessLauncher;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cluster.ClusterSettings;
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
import io.jenkins.plugins.devspacebuild.event.MaskingEventSink;
import io.jenkins.plugins.devspacebuild.registry.DockerConfigCredentials;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent that holds the workspace, so the agent's Docker daemon is used. It sees the build's
 * environment (the step's EnvVars), not the agent JVM's. Every event goes through the masking boundary with all of the
 * call's secrets. While it runs, its engine is registered under a token so that {@link Stop} (a second call over the
 * channel, made when the build is aborted) can cancel it: the engine then interrupts its builds, waits for them, and
 * this callable returns the cancelled result; the cache file holds every image that finished.
 */
final class AgentBuild extends MasterToSlaveFileCallable<AgentOutcome> {
    private static final long serialVersionUID = 1L;
    /** The engines running in this agent JVM, by token. */
    private static final Map<String, BuildEngine> RUNNING = new ConcurrentHashMap<>();

    private final String token;
    private final StepOptions options;
    private final String cacheJson;
    private final String cacheFile;
    private final TreeMap<String, String> environment;
    private final List<AgentCredential> credentials;
    private final TaskListener listener;
    private final Secret kubeconfig;
    private final String namespace;
    private final StepSecrets secrets;
    /** The build's launcher, exported by the controller ({@link BuildLauncher}); null: processes start in this JVM's machine. */
    private final BuildLauncher.Remote processes;

    /**
     * @param token      names this run for {@link Stop}
     * @param kubeconfig the kubeconfig credential's content, or null to find the cluster from the environment
     * @param namespace  the namespace for kaniko pods and pull secrets, or null
     */
    AgentBuild(String token, StepOptions options, String cacheJson, String cacheFile, Map<String, String> environment, List<AgentCredential> credentials,
               TaskListener listener, Secret kubeconfig, String namespace, StepSecrets secrets, BuildLauncher.Remote processes) {
        this.token = token;
        this.options = options;
        this.cacheJson = cacheJson;
        this.cacheFile = cacheFile;
        this.environment = new TreeMap<>(environment);
        this.credentials = List.copyOf(credentials);
        this.listener = listener;
        this.kubeconfig = kubeconfig;
        this.namespace = namespace;
        this.secrets = secrets;
        this.processes = processes;
    }

    @Override
    public AgentOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        MaskingEventSink events = new MaskingEventSink(new ConsolePrinter(listener.getLogger()), secrets.values());
        EngineSettings settings = EngineSettings.of(environment, registryCredentials(), events)
                .withSecrets(credentials.stream().map(c -> c.password.getPlainText()).toList())
                .withCluster(new ClusterSettings(null, kubeconfig == null ? null : Password.of(kubeconfig.getPlainText()), null, namespace, List.of()))
                .withProcessLauncher(processes == null ? ProcessLauncher.LOCAL : new BuildLauncher.AgentSide(processes));
        BuildEngine engine = new BuildEngine(settings);
        RUNNING.put(token, engine);
        try {
            return AgentOutcome.of(engine.build(options.toRunOptions(workspace.toPath(), Path.of(cacheFile),
                    CacheStore.parse(cacheJson, "the cache artifact").cache())));
        } catch (DevSpaceBuildException e) {
            return AgentOutcome.error(events.mask(e.getMessage()));
        } finally {
            RUNNING.remove(token);
        }
    }

    /** The step's credentials first (per registry, then the one for every registry), then Docker's config.json. */
    private RegistryCredentials registryCredentials() {
        Map<String, RegistryCredential> byRegistry = new HashMap<>();
        RegistryCredential fallback = null;
        for (AgentCredential c : credentials) {
            if (c.registry == null) {
                fallback = c.toEngine("*");
            } else {
                byRegistry.put(c.registry, c.toEngine(c.registry));
            }
        }
        return RegistryCredentials.chain(List.of(new StaticCredentials(byRegistry, fallback), new DockerConfigCredentials(environment)));
    }

    /** Cancels the {@link AgentBuild} with this token, if it still runs on this agent; answers whether it did. */
    static final class Stop extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;
        private final String token;

        Stop(String token) {
            this.token = token;
        }

        @Override
        public Boolean invoke(File workspace, VirtualChannel channel) {
            BuildEngine engine = RUNNING.get(token);
            if (engine == null) {
                return false;
            }
            engine.cancel();
            return true;
        }
    }
}
