package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.cluster.ClusterAccess;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.cluster.ClusterSettings;
import io.jenkins.plugins.devspacebuild.cluster.KubeconfigSecrets;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the engine runs: everything it takes from its surroundings, given explicitly (no system properties or JVM
 * environment are read deep inside).
 *
 * @param environment        the build's environment (the Jenkins build's, or the CLI's process environment)
 * @param credentials        registry credentials
 * @param events             progress (masked by the engine before it gets here)
 * @param retry              retries of transient registry and daemon errors
 * @param daemonFactory      makes the Docker client (from {@code environment} by default)
 * @param hashThreads        how many files are hashed at once
 * @param insecureRegistries registries to reach over plain HTTP (loopback ones always are)
 * @param clusterFactory     finds the Kubernetes cluster (kaniko, the fallback, pull secrets), when one is configured
 * @param builders           the builder port ({@link BuilderFactory#DEFAULT}: the real builders)
 * @param secrets            texts that must never leave the engine (passwords, tokens, kubeconfig secrets): masked in
 *                           every event, result and error
 */
public record EngineSettings(Map<String, String> environment, RegistryCredentials credentials, EventSink events, RetryPolicy retry,
                             Supplier<DockerDaemon> daemonFactory, int hashThreads, Set<String> insecureRegistries,
                             ClusterFactory clusterFactory, BuilderFactory builders, Set<String> secrets) {

    public EngineSettings {
        environment = Map.copyOf(environment);
        insecureRegistries = Set.copyOf(insecureRegistries);
        secrets = Set.copyOf(secrets);
    }

    /**
     * Defaults: the daemon and the cluster from the environment (KUBECONFIG, ~/.kube/config, in-cluster), default
     * retries, one hashing thread per core (at least 2), the real builders, no secrets.
     */
    public static EngineSettings of(Map<String, String> environment, RegistryCredentials credentials, EventSink events) {
        Map<String, String> env = Map.copyOf(environment);
        return new EngineSettings(env, credentials, events, RetryPolicy.DEFAULT, () -> DockerDaemon.fromEnvironment(env),
                Math.max(2, Runtime.getRuntime().availableProcessors()), Set.of(), () -> ClusterAccess.connect(ClusterSettings.AUTO, env),
                BuilderFactory.DEFAULT, Set.of());
    }

    public EngineSettings withRetry(RetryPolicy r) {
        return new EngineSettings(environment, credentials, events, r, daemonFactory, hashThreads, insecureRegistries, clusterFactory, builders,
                secrets);
    }

    public EngineSettings withEvents(EventSink e) {
        return new EngineSettings(environment, credentials, e, retry, daemonFactory, hashThreads, insecureRegistries, clusterFactory, builders,
                secrets);
    }

    public EngineSettings withInsecureRegistries(Set<String> registries) {
        return new EngineSettings(environment, credentials, events, retry, daemonFactory, hashThreads, registries, clusterFactory, builders,
                secrets);
    }

    /**
     * The cluster as the user configured it (kubeconfig, context, namespace); the environment fills the rest. The
     * secrets of an explicit kubeconfig (tokens, passwords, keys) are masked like every other secret.
     */
    public EngineSettings withCluster(ClusterSettings cluster) {
        return withClusterFactory(() -> ClusterAccess.connect(cluster, environment)).withSecrets(KubeconfigSecrets.of(cluster));
    }

    public EngineSettings withClusterFactory(ClusterFactory factory) {
        return new EngineSettings(environment, credentials, events, retry, daemonFactory, hashThreads, insecureRegistries, factory, builders,
                secrets);
    }

    public EngineSettings withDaemonFactory(Supplier<DockerDaemon> factory) {
        return new EngineSettings(environment, credentials, events, retry, factory, hashThreads, insecureRegistries, clusterFactory, builders,
                secrets);
    }

    public EngineSettings withBuilders(BuilderFactory factory) {
        return new EngineSettings(environment, credentials, events, retry, daemonFactory, hashThreads, insecureRegistries, clusterFactory, factory,
                secrets);
    }

    /** These secrets too are masked wherever a string leaves the engine. */
    public EngineSettings withSecrets(Collection<String> more) {
        Set<String> all = new java.util.LinkedHashSet<>(secrets);
        more.stream().filter(s -> s != null && !s.isEmpty()).forEach(all::add);
        return new EngineSettings(environment, credentials, events, retry, daemonFactory, hashThreads, insecureRegistries, clusterFactory, builders,
                all);
    }
}
