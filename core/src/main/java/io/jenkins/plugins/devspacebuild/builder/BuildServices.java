package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What builders share in one run.
 *
 * @param environment        the build's environment (PATH, DOCKER_HOST, ...), not the JVM's
 * @param credentials        registry credentials
 * @param events             where progress goes
 * @param retry              how transient registry and daemon errors are retried
 * @param workingDirectory   the directory of devspace.yaml (custom commands run there)
 * @param insecureRegistries registries reached over plain HTTP besides the loopback ones
 * @param processes          starts every process of a builder (custom commands, the docker CLI)
 */
public record BuildServices(Map<String, String> environment, RegistryCredentials credentials, EventSink events, RetryPolicy retry,
                            Path workingDirectory, Set<String> insecureRegistries, ProcessLauncher processes) {
    public BuildServices {
        environment = Map.copyOf(environment);
        insecureRegistries = Set.copyOf(insecureRegistries);
        processes = processes == null ? ProcessLauncher.LOCAL : processes;
    }

    /** Processes start in this JVM's machine. */
    public BuildServices(Map<String, String> environment, RegistryCredentials credentials, EventSink events, RetryPolicy retry,
                         Path workingDirectory, Set<String> insecureRegistries) {
        this(environment, credentials, events, retry, workingDirectory, insecureRegistries, ProcessLauncher.LOCAL);
    }
}
