package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.builder.ProcessLauncher;
import io.jenkins.plugins.devspacebuild.cluster.ClusterAccess;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.cluster.ClusterSettings;
import io.jenkins.plugins.devspacebuild.cluster.KubeconfigSecrets;
import io.jenkins.plugins.devspacebuild.cluster.LocalCluster;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the engine runs: everything it takes from its surroundings, given explicitly (no system properties or JVM
 * environment are read deep inside). Start from {@link #of} and change parts with the {@code with...} methods.
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
 * @param processes          starts every process of the builders ({@link ProcessLauncher#LOCAL} unless the host has its
 *                           own, as the Jenkins step has: the build's Launcher)
 * @param localCluster       the local cluster daemon builds are handed to instead of pushed
 *                           ({@code --skip-push-local-kube}), or null
 */
public record EngineSettings(Map<String, String> environment, RegistryCredentials credentials, EventSink events, RetryPolicy retry,
                             Supplier<DockerDaemon> daemonFactory, int hashThreads, Set<String> insecureRegistries,
                             ClusterFactory clusterFactory, BuilderFactory builders, Set<String> secrets, ProcessLauncher processes,
                             LocalCluster localCluster) {

    public EngineSettings {
        environment = Map.copyOf(environment);
        insecureRegistries = Set.copyOf(insecureRegistries);
        secrets = Set.copyOf(secrets);
        processes = processes == null ? ProcessLauncher.LOCAL : processes;
    }

    /**
     * Defaults: the daemon and the cluster from the environment (KUBECONFIG, ~/.kube/config, in-cluster), default
     * retries, one hashing thread per core (at least 2), the real builders, no secrets, local processes.
     */
    public static EngineSettings of(Map<String, String> environment, RegistryCredentials credentials, EventSink events) {
        Map<String, String> env = Map.copyOf(environment);
        return new EngineSettings(env, credentials, events, RetryPolicy.DEFAULT, () -> DockerDaemon.fromEnvironment(env),
                Math.max(2, Runtime.getRuntime().availableProcessors()), Set.of(), () -> ClusterAccess.connect(ClusterSettings.AUTO, env),
                BuilderFactory.DEFAULT, Set.of(), ProcessLauncher.LOCAL, null);
    }

    public EngineSettings withRetry(RetryPolicy r) {
        return copy().retry(r).done();
    }

    public EngineSettings withEvents(EventSink e) {
        return copy().events(e).done();
    }

    public EngineSettings withInsecureRegistries(Set<String> registries) {
        return copy().insecureRegistries(registries).done();
    }

    /**
     * The cluster as the user configured it (kubeconfig, context, namespace); the environment fills the rest. The
     * secrets of an explicit kubeconfig (tokens, passwords, keys) are masked like every other secret.
     */
    public EngineSettings withCluster(ClusterSettings cluster) {
        return withClusterFactory(() -> ClusterAccess.connect(cluster, environment)).withSecrets(KubeconfigSecrets.of(cluster));
    }

    public EngineSettings withClusterFactory(ClusterFactory factory) {
        return copy().clusterFactory(factory).done();
    }

    public EngineSettings withDaemonFactory(Supplier<DockerDaemon> factory) {
        return copy().daemonFactory(factory).done();
    }

    public EngineSettings withBuilders(BuilderFactory factory) {
        return copy().builders(factory).done();
    }

    /** Every process of the builders starts through this launcher. */
    public EngineSettings withProcessLauncher(ProcessLauncher launcher) {
        return copy().processes(launcher).done();
    }

    /** Daemon builds are loaded into this local cluster instead of pushed; null: pushed as usual. */
    public EngineSettings withLocalCluster(LocalCluster cluster) {
        return copy().localCluster(cluster).done();
    }

    /** These secrets too are masked wherever a string leaves the engine. */
    public EngineSettings withSecrets(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(secrets);
        more.stream().filter(s -> s != null && !s.isEmpty()).forEach(all::add);
        return copy().secrets(all).done();
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** One place that lists every part, so a new part cannot be dropped by one of the {@code with...} methods. */
    private static final class Copy {
        private Map<String, String> environment;
        private RegistryCredentials credentials;
        private EventSink events;
        private RetryPolicy retry;
        private Supplier<DockerDaemon> daemonFactory;
        private int hashThreads;
        private Set<String> insecureRegistries;
        private ClusterFactory clusterFactory;
        private BuilderFactory builders;
        private Set<String> secrets;
        private ProcessLauncher processes;
        private LocalCluster localCluster;

        Copy(EngineSettings s) {
            environment = s.environment;
            credentials = s.credentials;
            events = s.events;
            retry = s.retry;
            daemonFactory = s.daemonFactory;
            hashThreads = s.hashThreads;
            insecureRegistries = s.insecureRegistries;
            clusterFactory = s.clusterFactory;
            builders = s.builders;
            secrets = s.secrets;
            processes = s.processes;
            localCluster = s.localCluster;
        }

        Copy events(EventSink v) {
            events = v;
            return this;
        }

        Copy retry(RetryPolicy v) {
            retry = v;
            return this;
        }

        Copy daemonFactory(Supplier<DockerDaemon> v) {
            daemonFactory = v;
            return this;
        }

        Copy insecureRegistries(Set<String> v) {
            insecureRegistries = v;
            return this;
        }

        Copy clusterFactory(ClusterFactory v) {
            clusterFactory = v;
            return this;
        }

        Copy builders(BuilderFactory v) {
            builders = v;
            return this;
        }

        Copy secrets(Set<String> v) {
            secrets = v;
            return this;
        }

        Copy processes(ProcessLauncher v) {
            processes = v;
            return this;
        }

        Copy localCluster(LocalCluster v) {
            localCluster = v;
            return this;
        }

        EngineSettings done() {
            return new EngineSettings(environment, credentials, events, retry, daemonFactory, hashThreads, insecureRegistries, clusterFactory,
                    builders, secrets, processes, localCluster);
        }
    }
}
