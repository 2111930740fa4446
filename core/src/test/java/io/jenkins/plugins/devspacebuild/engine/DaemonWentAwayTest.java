package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.12: a dockerd killed mid-build used to fail the image with docker-java's "Premature end of chunk coded
 * message body". The shared real daemon cannot be killed, so a fake Engine API on loopback answers the probe, starts
 * the chunked build response, then drops the connection and stops listening, as a killed dockerd does.
 */
class DaemonWentAwayTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    DyingDaemon dockerd;

    @AfterEach
    void stop() throws IOException {
        if (dockerd != null) {
            dockerd.close();
        }
    }

    @Test
    void aDaemonKilledMidBuildIsNamedAndTheOtherImagesStayCached() throws Exception {
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n"
                + "  api:\n    image: my/api\n    dockerfile: ./Dockerfile\n    docker: {disableFallback: true}\n"
                + "  tool:\n    image: my/tool\n    context: ./tool\n    custom:\n      command: ./build.sh\n");
        write(root, "Dockerfile", "FROM scratch\nCOPY app.txt /app.txt\n");
        write(root, "app.txt", "hi");
        write(root, "tool/f.txt", "tool");
        write(root, "build.sh", "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(root.resolve("build.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        dockerd = new DyingDaemon();
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://127.0.0.1:" + dockerd.port(),
                "HOME", root.resolve("home").toString());
        EngineSettings s = EngineSettings.of(env, RegistryCredentials.NONE, events::add)
                .withDaemonFactory(() -> DockerDaemon.fromEnvironment(env)).withClusterFactory(ClusterFactory.NONE);
        RunOptions o = RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root)
                .cacheFile(root.resolve(".devspace/c.json")).skipPush(true).tags(List.of("t1")).build();

        RunResult r = new BuildEngine(s).build(o);

        assertThat(dockerd.buildStarted.get()).as("the fake daemon saw the build request").isTrue();
        ImageResult api = r.images().stream().filter(i -> i.name().equals("api")).findFirst().orElseThrow();
        assertThat(api.status()).as(events.toString()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(api.reason())
                .contains("the Docker daemon at tcp://127.0.0.1:" + dockerd.port() + " went away during the build")
                .contains("check that dockerd is running")
                .contains("run again")
                .doesNotContain("internal error")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(events.toString()).doesNotContain("\tat ").doesNotContain("Exception:");
        ImageResult tool = r.images().stream().filter(i -> i.name().equals("tool")).findFirst().orElseThrow();
        assertThat(tool.status()).as(events.toString()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(CacheStore.read(o.cacheFile()).cache().images()).containsOnlyKeys("tool");
    }

    /**
     * Answers {@code /_ping} and {@code /version}; on {@code POST .../build} reads the context, sends the headers and
     * one chunk of a chunked response, then closes the connection and the listening socket (a killed dockerd).
     */
    static final class DyingDaemon implements AutoCloseable {
        final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicBoolean buildStarted = new AtomicBoolean();
        final AtomicBoolean dead = new AtomicBoolean();
        final List<Socket> connections = Collections.synchronizedList(new ArrayList<>());
        final Thread acceptor;

        DyingDaemon() throws IOException {
            acceptor = new Thread(this::accept, "fake-dockerd");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    connections.add(s);
                    Thread t = new Thread(() -> serve(s), "fake-dockerd-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed: the daemon is dead
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null || requestLine.isEmpty() || dead.get()) {
                        return; // a connection accepted while dying (another request at that moment) answers nothing either
                    }
                    long length = 0;
                    boolean chunked = false;
                    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                        String lower = h.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("content-length:")) {
                            length = Long.parseLong(lower.substring(15).trim());
                        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        }
                    }
                    readBody(in, length, chunked);
                    if (dead.get()) {
                        return;
                    }
                    String path = requestLine.split(" ")[1];
                    if (path.contains("/build")) {
                        buildStarted.set(true);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        byte[] step = "{\"stream\":\"Step 1/2 : FROM scratch\\n\"}\r\n".getBytes(StandardCharsets.UTF_8);
                        out.write((Integer.toHexString(step.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(step);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        die(); // closes this connection in the middle of the chunked body, and every other one
                        return;
                    }
                    String body;
                    String status;
                    String type = "application/json";
                    if (path.endsWith("/_ping")) {
                        status = "200 OK";
                        body = "OK";
                        type = "text/plain";
                    } else if (path.endsWith("/version")) {
                        status = "200 OK";
                        body = "{\"Version\":\"24.0.0\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";
                    } else {
                        status = "404 Not Found";
                        body = "{\"message\":\"not found in the fake daemon\"}";
                    }
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nApi-Version: 1.41\r\nContent-Length: " + b.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(b);
                    out.flush();
                }
            } catch (IOException e) {
                // the client hung up
            }
        }

        private static void readBody(InputStream in, long length, boolean chunked) throws IOException {
            if (!chunked) {
                in.readNBytes((int) length);
                return;
            }
            while (true) {
                String size = line(in);
                if (size == null) {
                    return;
                }
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
                        // trailers
                    }
                    return;
                }
                in.readNBytes(n);
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }

        /** A killed dockerd: nothing listens any more and every open connection (the client's pool too) is dropped. */
        private void die() throws IOException {
            dead.set(true);
            listener.close();
            synchronized (connections) {
                for (Socket c : connections) {
                    c.close();
                }
            }
        }

        @Override
        public void close() throws IOException {
            die();
        }
    }
}
