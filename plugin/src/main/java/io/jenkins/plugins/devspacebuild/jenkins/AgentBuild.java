package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cluster.ClusterSettings;
import io.jenkins.plugins.devspacebuild.event.MaskingEventSink;
import io.jenkins.plugins.devspacebuild.jenkins.StepOptions;
import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
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
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent that holds the workspace, so the agent's Docker daemon is used. It sees the build's
 * environment (the step's EnvVars), not the agent JVM's. Every password is masked in the log. An aborted build
 * interrupts this callable; the engine then stops its builds and keeps the cache of those that finished.
 */
final class AgentBuild extends MasterToSlaveFileCallable<AgentOutcome> {
    private static final long serialVersionUID = 1L;

    private final StepOptions options;
    private final String cacheJson;
    private final String cacheFile;
    private final TreeMap<String, String> environment;
    private final List<AgentCredential> credentials;
    private final TaskListener listener;
    private final Secret kubeconfig;
    private final String namespace;

    /**
     * @param kubeconfig the kubeconfig credential's content, or null to find the cluster from the environment
     * @param namespace  the namespace for kaniko pods and pull secrets, or null
     */
    AgentBuild(StepOptions options, String cacheJson, String cacheFile, Map<String, String> environment, List<AgentCredential> credentials,
               TaskListener listener, Secret kubeconfig, String namespace) {
        this.options = options;
        this.cacheJson = cacheJson;
        this.cacheFile = cacheFile;
        this.environment = new TreeMap<>(environment);
        this.credentials = List.copyOf(credentials);
        this.listener = listener;
        this.kubeconfig = kubeconfig;
        this.namespace = namespace;
    }

    @Override
    public AgentOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        MaskingEventSink events = new MaskingEventSink(new ConsolePrinter(listener.getLogger()),
                credentials.stream().map(c -> c.password.getPlainText()).toList());
        EngineSettings settings = EngineSettings.of(environment, registryCredentials(), events)
                .withSecrets(credentials.stream().map(c -> c.password.getPlainText()).toList())
                .withCluster(new ClusterSettings(null, kubeconfig == null ? null : Password.of(kubeconfig.getPlainText()), null, namespace, List.of()));
        BuildEngine engine = new BuildEngine(settings);
        try {
            return AgentOutcome.of(engine.build(options.toRunOptions(workspace.toPath(), Path.of(cacheFile),
                    CacheStore.parse(cacheJson, "the cache artifact").cache())));
        } catch (DevSpaceBuildException e) {
            return AgentOutcome.error(events.mask(e.getMessage()));
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
}
