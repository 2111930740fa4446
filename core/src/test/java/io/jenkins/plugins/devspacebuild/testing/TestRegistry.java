package io.jenkins.plugins.devspacebuild.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A registry for one test: either the shared one of {@code .ci/services.sh} ({@link #shared()}), or a private
 * {@code docker-registry} process on a free loopback port with the same htpasswd ({@link #start(Path)}), which a
 * test may stop. Also the few API calls tests need: tags, manifest digest, delete.
 */
public final class TestRegistry implements AutoCloseable {
    private final String address;
    private final String user;
    private final String password;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRegistry(String address, String user, String password, Process process) {
        this.address = address;
        this.user = user;
        this.password = password;
        this.process = process;
    }

    public static TestRegistry shared() {
        LocalServices.requireRegistry();
        return new TestRegistry(LocalServices.registry(), LocalServices.registryUser(), LocalServices.registryPassword(), null);
    }

    /** Starts a private registry process (docker-registry) with the shared credentials, storing under {@code dir}. */
    public static TestRegistry start(Path dir) throws IOException, InterruptedException {
        LocalServices.requireRegistry();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String shared = Files.readString(LocalServices.registryConfig());
        String htpasswd = shared.replaceAll("(?s).*htpasswd: \\{realm: basic-realm, path: ([^}]+)}.*", "$1").trim();
        Path config = dir.resolve("registry.yml");
        Files.writeString(config, "version: 0.1\nlog: {level: warn}\nstorage:\n  filesystem: {rootdirectory: " + dir.resolve("data")
                + "}\n  delete: {enabled: true}\nhttp: {addr: 127.0.0.1:" + port + "}\nauth:\n  htpasswd: {realm: basic-realm, path: " + htpasswd
                + "}\n");
        Process p = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        TestRegistry r = new TestRegistry("127.0.0.1:" + port, LocalServices.registryUser(), LocalServices.registryPassword(), p);
        for (int i = 0; i < 100; i++) {
            if (r.answers()) {
                return r;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("private registry did not start: " + Files.readString(dir.resolve("registry.log")));
    }

    public String address() {
        return address;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean answers() {
        try {
            int code = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return code == 401 || code == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The body of {@code GET /v2/<repo>/tags/list}. */
    public String tagsList(String repository) throws IOException, InterruptedException {
        return http.send(request("/v2/" + repository + "/tags/list").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public Optional<String> digest(String repository, String tag) throws IOException, InterruptedException {
        HttpResponse<Void> r = http.send(request("/v2/" + repository + "/manifests/" + tag).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json").build(),
                HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200 ? r.headers().firstValue("Docker-Content-Digest") : Optional.empty();
    }

    /** Deletes a manifest (all tags pointing at it disappear). */
    public void delete(String repository, String digest) throws IOException, InterruptedException {
        int code = http.send(request("/v2/" + repository + "/manifests/" + digest).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (code != 202) {
            throw new AssertionError("delete of " + repository + "@" + digest + " answered " + code);
        }
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://" + address + path)).header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(20));
    }

    /** Stops a private registry (the shared one is left alone). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
