package io.jenkins.plugins.devspacebuild.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker daemon of the machine the engine runs on, through docker-java's Apache HttpClient 5 transport. The
 * address comes from the build's environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY},
 * {@code DOCKER_CERT_PATH}), never from the JVM's. Docker's config.json is not read here: credentials are always
 * passed explicitly, so no stored credential is sent by accident.
 * <p>Do not enable DEBUG logging of {@code org.apache.hc.client5.http.headers} or {@code .wire}: it would print
 * the {@code X-Registry-Auth} header, which carries registry passwords.
 */
public final class DockerDaemon implements Closeable {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private final String host;
    private final DockerHttpClient http;
    private final DockerClient client;
    private final String problem;

    private DockerDaemon(String host, DockerHttpClient http, DockerClient client, String problem) {
        this.host = host;
        this.http = http;
        this.client = client;
        this.problem = problem;
    }

    /**
     * Prepares a client for the daemon named by the environment; nothing is sent yet. Never throws: an address or TLS
     * setting that cannot be used is reported by {@link #ping()}, naming the variable, so the fallback order still
     * applies. Docker's config.json is not read (docker-java would parse it, and fail on a malformed one).
     */
    public static DockerDaemon fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", "");
        if (host.isBlank()) {
            host = DEFAULT_HOST;
        }
        URI uri;
        try {
            uri = new URI(host);
        } catch (URISyntaxException e) {
            return unusable(host, "DOCKER_HOST '" + host + "' is not a valid address (" + e.getReason() + " at index " + e.getIndex()
                    + "); set it to unix:///path/to/docker.sock or tcp://HOST:PORT, or unset it for " + DEFAULT_HOST);
        }
        if (!List.of("unix", "tcp", "npipe").contains(String.valueOf(uri.getScheme()))) {
            return unusable(host, "DOCKER_HOST '" + host + "' is not a Docker address (it must start with unix:// or tcp://); set it to "
                    + "unix:///path/to/docker.sock or tcp://HOST:PORT, or unset it for " + DEFAULT_HOST);
        }
        boolean tls = "1".equals(env.get("DOCKER_TLS_VERIFY")) || "true".equalsIgnoreCase(env.get("DOCKER_TLS_VERIFY"));
        try {
            // a plain builder: createDefaultConfigBuilder() would read the JVM's environment and ~/.docker/config.json
            DefaultDockerClientConfig.Builder b = new DefaultDockerClientConfig.Builder().withDockerHost(host).withDockerTlsVerify(tls);
            if (env.containsKey("DOCKER_CERT_PATH")) {
                b.withDockerCertPath(env.get("DOCKER_CERT_PATH"));
            }
            DockerClientConfig config = b.build();
            DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .maxConnections(64)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .build();
            return new DockerDaemon(host, http, DockerClientImpl.getInstance(config, http), null);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return unusable(host, "the Docker client cannot be set up for DOCKER_HOST '" + host + "' (" + why + "); check DOCKER_HOST, "
                    + "DOCKER_TLS_VERIFY and DOCKER_CERT_PATH");
        }
    }

    private static DockerDaemon unusable(String host, String problem) {
        return new DockerDaemon(host, null, null, problem);
    }

    public String host() {
        return host;
    }

    /** The client; only after a successful {@link #ping()}. */
    public DockerClient client() {
        if (client == null) {
            throw new IllegalStateException(problem);
        }
        return client;
    }

    /** Checks that the daemon answers. */
    public void ping() throws DaemonUnreachableException {
        if (problem != null) {
            throw new DaemonUnreachableException(problem);
        }
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            throw new DaemonUnreachableException(host, why);
        }
    }

    /** The full id of a local image ({@code sha256:...}), or empty when the daemon does not have it. */
    public Optional<String> imageId(String reference) {
        try {
            return Optional.ofNullable(client.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the daemon still has {@code reference}, and (when {@code expectedId} is known) as that very image.
     */
    public boolean holds(String reference, String expectedId) {
        Optional<String> id = imageId(reference);
        return id.isPresent() && (expectedId == null || expectedId.equals(id.get()));
    }

    @Override
    public void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }
}
