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
import java.time.Duration;
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

    private DockerDaemon(String host, DockerHttpClient http, DockerClient client) {
        this.host = host;
        this.http = http;
        this.client = client;
    }

    /** Prepares a client for the daemon named by the environment; nothing is sent yet. */
    public static DockerDaemon fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", "");
        if (host.isBlank()) {
            host = DEFAULT_HOST;
        }
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify("1".equals(env.get("DOCKER_TLS_VERIFY")) || "true".equalsIgnoreCase(env.get("DOCKER_TLS_VERIFY")));
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
        return new DockerDaemon(host, http, DockerClientImpl.getInstance(config, http));
    }

    public String host() {
        return host;
    }

    public DockerClient client() {
        return client;
    }

    /** Checks that the daemon answers. */
    public void ping() throws DaemonUnreachableException {
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
        client.close();
    }
}
