package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.executable;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.testing.TestOptions;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import io.jenkins.plugins.devspacebuild.testing.TestFiles;
import io.jenkins.plugins.devspacebuild.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded builder (jib-core, no daemon) on the example project and two more images, against the htpasswd registry:
 * what it pushes is pulled and inspected with the Docker CLI, and compared with what {@code docker build}
 * (the classic builder) makes of the same Dockerfiles and contexts: the same files (type, mode, owner, path, link
 * target) and the same configuration. Also: a base image from the registry pulled with credentials, reproducible
 * digests, the {@code docker load} tarball of a build without push, a refused login and cancellation.
 */
class EmbeddedBuildIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    TestRegistry registry;
    String namespace;
    Path workspace;
    Path project;
    Path dockerConfig;
    final List<String> localImages = new ArrayList<>();
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        registry = TestRegistry.shared();
        namespace = "emb-" + UUID.randomUUID().toString().substring(0, 8);
        workspace = tmp.resolve("ws");
        project = workspace.resolve("monorepo");
        TestFiles.copyExample(project);
        dockerConfig = Files.createDirectories(tmp.resolve("docker-config"));
        docker(List.of("login", "-u", registry.user(), "--password-stdin", registry.address()), LocalServices.registryPasswordFile());
        addImages();
    }

    @AfterEach
    void removeLocalImages() {
        for (String image : localImages) {
            runQuietly(List.of("docker", "rmi", "-f", image));
        }
    }

    /** The example's three images forced to the embedded builder, plus one that uses more of the subset and one FROM a registry image. */
    void addImages() throws IOException {
        Path yaml = project.resolve("devspace.yaml");
        String text = Files.readString(yaml).replace("    image: ${REGISTRY}/monorepo/", "    embedded: {}\n    image: ${REGISTRY}/monorepo/");
        text = text.replace("# DevSpace's other", """
                  kitchen:
                    image: ${REGISTRY}/monorepo/kitchen
                    context: ./services/kitchen
                    dockerfile: ./services/kitchen/Dockerfile
                    buildArgs:
                      GREETING: bonjour
                    embedded: {}

                  shell:
                    image: ${REGISTRY}/monorepo/shell
                    context: ./services/shell
                    dockerfile: ./services/shell/Dockerfile
                    buildArgs:
                      BASE: ${REGISTRY}/busybox:1
                    embedded: {}

                # DevSpace's other""");
        Files.writeString(yaml, text);
        Path k = project.resolve("services/kitchen");
        write(k, "Dockerfile", """
                ARG GREETING=hello
                FROM scratch AS base
                ARG GREETING
                ENV GREETING=$GREETING PATH=/opt/bin:$PATH
                LABEL greeting="${GREETING}" \\
                      team="platform"
                WORKDIR /opt
                COPY --chown=1000:1000 bin/ bin/
                COPY lib ./lib/

                FROM base
                COPY . /ctx/
                COPY conf/*.yaml /etc/app/
                COPY current/util.sh /usr/share/util
                ADD README.md notes/
                USER 1000:1000
                EXPOSE 8080 9090/udp
                VOLUME ["/data"]
                ENTRYPOINT ["/opt/bin/tool"]
                CMD ["--serve"]
                """);
        write(k, ".dockerignore", "secret.env\n");
        executable(k, "bin/tool", "#!/bin/sh\necho tool\n");
        executable(k, "bin/helper", "#!/bin/sh\necho helper\n");
        write(k, "lib/util.sh", "util() { :; }\n");
        Files.createSymbolicLink(k.resolve("lib/link-to-util"), Path.of("util.sh"));
        Files.createSymbolicLink(k.resolve("current"), Path.of("lib"));
        write(k, "conf/a.yaml", "a: 1\n");
        write(k, "conf/b.yaml", "b: 2\n");
        write(k, "conf/c.txt", "c\n");
        write(k, "README.md", "# kitchen\n");
        write(k, "secret.env", "TOKEN=do-not-ship\n");
        Files.createDirectories(k.resolve("cache"));

        Path s = project.resolve("services/shell");
        write(s, "Dockerfile", """
                ARG BASE
                FROM $BASE
                ENV PATH=/app/bin:$PATH
                WORKDIR /app
                COPY hello.sh bin/hello
                ENTRYPOINT ["hello"]
                CMD ["world"]
                """);
        executable(s, "hello.sh", "#!/bin/sh\necho \"hello $1 from $PWD\"\n");
    }

    /** Puts busybox-local:1 into the registry, where the shell image's FROM finds it. */
    void pushBaseImage() {
        String base = registry.address() + "/" + namespace + "/busybox:1";
        LocalServices.run(List.of("docker", "tag", "busybox-local:1", base));
        localImages.add(base);
        docker(List.of("push", base), null);
    }

    RunOptions options(boolean skipPush, boolean force, List<String> images) {
        return TestOptions.of(project.resolve("devspace.yaml"), workspace, RunOptions.defaultCacheFile(project.resolve("devspace.yaml")), null,
                Map.of("REGISTRY", registry.address() + "/" + namespace), force, false, 0, false, skipPush, List.of(), images);
    }

    RunOptions options() {
        return options(false, false, List.of());
    }

    RegistryCredentials credentials(String password) {
        return new StaticCredentials(Map.of(registry.address(), new RegistryCredential(registry.address(), registry.user(), Password.of(password),
                "test credentials")), null);
    }

    EngineSettings settings(RegistryCredentials creds) {
        PrintStream console = new PrintStream(log, true, StandardCharsets.UTF_8);
        ConsolePrinter printer = new ConsolePrinter(console);
        // no daemon: DOCKER_HOST points nowhere, so any use of the daemon would fail the build
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_HOST", "tcp://127.0.0.1:1");
        return EngineSettings.of(env, creds, e -> {
            events.add(e);
            printer.accept(e);
        }).withRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    RunResult build(RunOptions o) throws Exception {
        return new BuildEngine(settings(credentials(registry.password()))).build(o);
    }

    static ImageResult result(RunResult r, String name) {
        return r.images().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exampleImagesMatchDockerBuild() throws Exception {
        pushBaseImage();
        RunResult r = build(options());
        assertThat(r.failed()).as(logText()).isFalse();
        assertThat(r.images()).extracting(ImageResult::name).containsExactlyInAnyOrder("api", "web", "worker", "kitchen", "shell");
        for (ImageResult i : r.images()) {
            assertThat(i.builder()).isEqualTo("embedded");
            assertThat(i.digest()).isEqualTo(registry.digest(namespace + "/monorepo/" + i.name(), i.tags().get(0)).orElseThrow());
        }
        assertThat(logText()).contains("[api] building with the embedded builder (no daemon), FROM scratch")
                .contains("registry " + registry.address() + " is reached over plain HTTP (" + registry.address() + " is a loopback registry)")
                .doesNotContain(registry.password());

        Map<String, String> dockerBuilt = new HashMap<>();
        dockerBuilt.put("api", dockerBuild("services/api/Dockerfile", "services/api", Map.of("SERVICE_VERSION", "1.4.2")));
        dockerBuilt.put("web", dockerBuild("services/web/Dockerfile", "services/web", Map.of()));
        dockerBuilt.put("worker", dockerBuild("docker/worker.Dockerfile", "services/worker", Map.of()));
        dockerBuilt.put("kitchen", dockerBuild("services/kitchen/Dockerfile", "services/kitchen", Map.of("GREETING", "bonjour")));
        dockerBuilt.put("shell", dockerBuild("services/shell/Dockerfile", "services/shell",
                Map.of("BASE", registry.address() + "/" + namespace + "/busybox:1")));

        for (Map.Entry<String, String> e : dockerBuilt.entrySet()) {
            String embedded = pull(result(r, e.getKey()).reference());
            assertThat(exportListing(embedded)).as("files of %s: embedded vs docker build", e.getKey()).isEqualTo(exportListing(e.getValue()));
            JsonNode mine = config(embedded);
            JsonNode theirs = config(e.getValue());
            for (String field : List.of("Env", "Cmd", "WorkingDir", "User", "Labels", "ExposedPorts", "Volumes")) {
                assertThat(setting(mine, field)).as("%s of %s", field, e.getKey()).isEqualTo(setting(theirs, field));
            }
            if (!e.getKey().equals("web")) {
                assertThat(setting(mine, "Entrypoint")).as("Entrypoint of %s", e.getKey()).isEqualTo(setting(theirs, "Entrypoint"));
            }
        }

        // what the Dockerfiles say, independently of docker build
        JsonNode api = config(result(r, "api").reference());
        assertThat(api.path("Labels").path("org.opencontainers.image.version").asText()).isEqualTo("1.4.2");
        assertThat(api.path("Env").toString()).contains("NODE_ENV=production");
        assertThat(api.path("WorkingDir").asText()).isEqualTo("/app");
        assertThat(api.path("Entrypoint").toString()).isEqualTo("[\"/app/src/server\"]");
        // the in-memory override is what the web image has
        assertThat(config(result(r, "web").reference()).path("Entrypoint").toString())
                .isEqualTo("[\"/public/serve\",\"--port\",\"8080\",\"--root\",\"/public\"]");
        JsonNode kitchen = config(result(r, "kitchen").reference());
        assertThat(kitchen.path("User").asText()).isEqualTo("1000:1000");
        assertThat(kitchen.path("Labels").path("greeting").asText()).isEqualTo("bonjour");
        List<String> files = exportListing(result(r, "kitchen").reference());
        assertThat(files).contains("f 0755 1000:1000 opt/bin/tool", "l 0777 0:0 opt/lib/link-to-util -> util.sh", "l 0777 0:0 ctx/current -> lib",
                "f 0644 0:0 usr/share/util", "f 0644 0:0 etc/app/a.yaml", "d 0755 0:0 ctx/cache").noneMatch(f -> f.contains("secret.env"))
                .noneMatch(f -> f.contains("c.txt") && f.contains("etc/app"));
        // FROM a registry image: busybox's shell runs the copied script, with the inherited-and-extended PATH
        assertThat(LocalServices.run(List.of("docker", "run", "--rm", result(r, "shell").reference())).trim()).isEqualTo("hello world from /app");
    }

    @Test
    void sameInputsSameDigestAndOneChangedFileAnother() throws Exception {
        pushBaseImage();
        RunResult first = build(options());
        assertThat(first.failed()).as(logText()).isFalse();
        RunResult again = build(options(false, true, List.of()));
        assertThat(again.failed()).as(logText()).isFalse();
        assertThat(first.images()).as("images of the first run").isNotEmpty();
        for (ImageResult i : first.images()) {
            assertThat(result(again, i.name()).tags()).isNotEqualTo(i.tags());
            assertThat(result(again, i.name()).digest()).as(i.name()).isEqualTo(i.digest());
        }
        write(project, "services/worker/jobs.yaml", "jobs: [changed]\n");
        RunResult changed = build(options());
        assertThat(result(changed, "worker").status()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(result(changed, "worker").digest()).isNotEqualTo(result(first, "worker").digest());
        assertThat(result(changed, "api").status()).isEqualTo(ImageResult.Status.SKIPPED);
        assertThat(registry.digest(namespace + "/monorepo/worker", result(changed, "worker").tags().get(0))).hasValue(result(changed, "worker").digest());
    }

    @Test
    void withoutPushATarballIsWrittenThatDockerLoads() throws Exception {
        pushBaseImage();
        RunResult r = build(options(true, false, List.of()));
        assertThat(r.failed()).as(logText()).isFalse();
        ImageResult shell = result(r, "shell");
        assertThat(shell.digest()).isNull();
        Path tarball = project.resolve(".devspace/images/shell-" + shell.tags().get(0) + ".tar");
        assertThat(shell.imageId()).isEqualTo(tarball.toString());
        assertThat(registry.tagsList(namespace + "/monorepo/shell")).doesNotContain(shell.tags().get(0));
        String loaded = LocalServices.run(List.of("docker", "load", "-i", tarball.toString()));
        localImages.add(shell.reference());
        assertThat(loaded).contains("Loaded image: " + shell.reference());
        assertThat(LocalServices.run(List.of("docker", "run", "--rm", shell.reference(), "tarball")).trim()).isEqualTo("hello tarball from /app");
        assertThat(r.images()).as("images built to tarballs").isNotEmpty();
        for (ImageResult i : r.images()) {
            assertThat(Path.of(i.imageId())).exists();
        }
        // a second run finds the tarballs and skips; a deleted tarball is rebuilt
        assertThat(build(options(true, false, List.of())).images()).isNotEmpty().allMatch(i -> i.status() == ImageResult.Status.SKIPPED);
        Files.delete(tarball);
        RunResult again = build(options(true, false, List.of()));
        assertThat(result(again, "shell").reason()).isEqualTo("image missing: " + shell.reference() + " is not in the local image store");
        assertThat(Path.of(result(again, "shell").imageId())).exists();
        try (var s = Files.list(project.resolve(".devspace/images"))) {
            assertThat(s.map(p -> p.getFileName().toString())).isNotEmpty().allMatch(n -> n.endsWith(".tar") && !n.startsWith("."));
        }
    }

    @Test
    void refusedLoginNamesRegistryAndCredentialAndIsNotRetried() throws Exception {
        RunResult r = new BuildEngine(settings(credentials("not-the-password"))).build(options(false, false, List.of("worker", "api")));
        assertThat(r.images()).extracting(ImageResult::name).containsExactlyInAnyOrder("worker", "api");
        for (ImageResult i : r.images()) {
            assertThat(i.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(i.reason()).as(logText()).startsWith("registry " + registry.address() + " refused access: it rejected user 'devspace' from "
                    + "test credentials");
        }
        assertThat(logText()).doesNotContain("retrying").doesNotContain("not-the-password");
        assertThat(CacheStore.read(options().cacheFile()).cache().images()).isEmpty();
    }

    @Test
    void stoppedRegistryIsRetriedThenFailsClearly() throws Exception {
        try (TestRegistry own = TestRegistry.start(Files.createDirectories(tmp.resolve("registry")))) {
            own.stop();
            RunOptions o = TestOptions.of(project.resolve("devspace.yaml"), workspace, RunOptions.defaultCacheFile(project.resolve("devspace.yaml")),
                    null, Map.of("REGISTRY", own.address() + "/" + namespace), false, false, 0, false, false, List.of(), List.of("worker"));
            RegistryCredentials creds = new StaticCredentials(Map.of(own.address(), new RegistryCredential(own.address(), own.user(),
                    Password.of(own.password()), "test credentials")), null);
            RunResult r = new BuildEngine(settings(creds)).build(o);
            ImageResult worker = result(r, "worker");
            assertThat(worker.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(worker.reason()).as(logText()).startsWith("push failed: registry " + own.address() + ": ")
                    .contains("onnection refused").endsWith("(gave up after 3 attempts)");
            assertThat(logText()).contains("retrying in 100 ms (attempt 2 of 3)").contains("retrying in 200 ms (attempt 3 of 3)");
        }
    }

    @Test
    void cancellingStopsAPushThatHangs() throws Exception {
        try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hanging.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RunOptions o = TestOptions.of(project.resolve("devspace.yaml"), workspace, RunOptions.defaultCacheFile(project.resolve("devspace.yaml")),
                    null, Map.of("REGISTRY", "127.0.0.1:" + hanging.getLocalPort() + "/" + namespace), false, false, 0, false, false, List.of(),
                    List.of("worker"));
            BuildEngine engine = new BuildEngine(settings(credentials(registry.password())));
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.build(o);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // event-driven: wait until the push has reached the hanging registry (it accepted a connection)
            while (!(logText().contains("[worker] pushing ") && !accepted.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(accepted).as(logText()).isNotEmpty();
            assertThat(run).isNotDone();
            long t0 = System.nanoTime();
            engine.cancel();
            RunResult r = run.get(30, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            // the push would hang forever: any bound shows cancel works; 20 s is generous on a loaded 2-core machine
            assertThat(ms).as("cancel took %d ms", ms).isLessThan(20_000);
            assertThat(r.cancelled()).isTrue();
            assertThat(result(r, "worker").reason()).isEqualTo("cancelled");
            // jib's threads are stopped (those blocked on a socket end when it closes)
            for (Socket s : accepted) {
                s.close();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (jibThreads() > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(jibThreads()).isZero();
        }
    }

    static long jibThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("devspace-build-jib-")).count();
    }

    // ---- Docker CLI helpers

    String dockerBuild(String dockerfile, String context, Map<String, String> buildArgs) {
        String tag = "embedded-it-" + namespace + "-" + Path.of(context).getFileName() + ":docker";
        List<String> cmd = new ArrayList<>(List.of("docker", "--config", dockerConfig.toString(), "build", "-q", "-f", dockerfile, "-t", tag));
        buildArgs.forEach((k, v) -> cmd.addAll(List.of("--build-arg", k + "=" + v)));
        cmd.add(context);
        LocalServices.run(cmd, project);
        localImages.add(tag);
        return tag;
    }

    String pull(String reference) {
        docker(List.of("pull", "-q", reference), null);
        localImages.add(reference);
        return reference;
    }

    /** A configuration field; absent, null and empty are the same (Docker and jib write "nothing" differently). */
    static String setting(JsonNode config, String field) {
        JsonNode n = config.path(field);
        return n.isMissingNode() || n.isNull() || (n.isContainerNode() && n.isEmpty()) || (n.isTextual() && n.asText().isEmpty()) ? "(none)"
                : n.toString();
    }

    static JsonNode config(String image) throws IOException {
        return JSON.readTree(LocalServices.run(List.of("docker", "image", "inspect", "--format", "{{json .Config}}", image)));
    }

    /** Every entry of the image's file system as {@code docker export} gives it: type, mode, owner, path, link target. */
    static List<String> exportListing(String image) throws Exception {
        String container = LocalServices.run(List.of("docker", "create", image, "unused")).trim();
        try {
            Process p = new ProcessBuilder("docker", "export", container).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> out = new ArrayList<>();
            try (InputStream in = p.getInputStream(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    String type = e.isDirectory() ? "d" : e.isSymbolicLink() ? "l" : "f";
                    String name = e.getName().endsWith("/") ? e.getName().substring(0, e.getName().length() - 1) : e.getName();
                    out.add(type + " " + String.format("%04o", e.getMode() & 07777) + " " + e.getLongUserId() + ":" + e.getLongGroupId() + " " + name
                            + (e.isSymbolicLink() ? " -> " + e.getLinkName() : ""));
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Collections.sort(out);
            return out;
        } finally {
            LocalServices.run(List.of("docker", "rm", container));
        }
    }

    /** The Docker CLI with this test's own config directory (its login does not touch ~/.docker). */
    String docker(List<String> args, Path stdin) {
        List<String> cmd = new ArrayList<>(List.of("docker", "--config", dockerConfig.toString()));
        cmd.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (stdin != null) {
                pb.redirectInput(stdin.toFile());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("docker " + args.get(0) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void runQuietly(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
