package io.jenkins.plugins.devspacebuild;

import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.push.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.push.RetryPolicy;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the engine runs: everything it takes from its surroundings, given explicitly (no system properties or JVM
 * environment are read deep inside).
 *
 * @param environment        the build's environment (the Jenkins build's, or the CLI's process environment)
 * @param credentials        registry credentials
 * @param events             progress
 * @param retry              retries of transient registry and daemon errors
 * @param daemonFactory      makes the Docker client (from {@code environment} by default)
 * @param hashThreads        how many files are hashed at once
 * @param insecureRegistries registries to reach over plain HTTP (loopback ones always are)
 */
public record EngineSettings(Map<String, String> environment, RegistryCredentials credentials, EventSink events, RetryPolicy retry,
                             Supplier<DockerDaemon> daemonFactory, int hashThreads, Set<String> insecureRegistries) {

    public EngineSettings {
        environment = Map.copyOf(environment);
        insecureRegistries = Set.copyOf(insecureRegistries);
    }

    /** Defaults: daemon from the environment, default retries, one hashing thread per core (at least 2). */
    public static EngineSettings of(Map<String, String> environment, RegistryCredentials credentials, EventSink events) {
        Map<String, String> env = Map.copyOf(environment);
        return new EngineSettings(env, credentials, events, RetryPolicy.DEFAULT, () -> DockerDaemon.fromEnvironment(env),
                Math.max(2, Runtime.getRuntime().availableProcessors()), Set.of());
    }

    public EngineSettings withRetry(RetryPolicy r) {
        return new EngineSettings(environment, credentials, events, r, daemonFactory, hashThreads, insecureRegistries);
    }

    public EngineSettings withEvents(EventSink e) {
        return new EngineSettings(environment, credentials, e, retry, daemonFactory, hashThreads, insecureRegistries);
    }
}
