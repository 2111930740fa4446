package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.testing.TestOptions;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's whole process against the real Docker daemon and a real registry with htpasswd auth
 * ({@code .ci/services.sh}). Every test works in its own copy of examples/monorepo and its own registry namespace.
 */
class DockerBuildIT {
    @TempDir
    Path tmp;
    TestRegistry registry;
    String namespace;
    Path workspace;
    Path project;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        registry = TestRegistry.shared();
        namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
        workspace = tmp.resolve("ws");
        project = workspace.resolve("monorepo");
        TestFiles.copyExample(project);
    }

    /** Options for a run; tests change what they need through the record's copy helpers below. */
    RunOptions options(Path proj, Path root) {
        return TestOptions.of(proj.resolve("devspace.yaml"), root, RunOptions.defaultCacheFile(proj.resolve("devspace.yaml")), null,
                Map.of("REGISTRY", registry.address() + "/" + namespace), false, false, 0, false, false, List.of(), List.of());
    }

    RunOptions options() {
        return options(project, workspace);
    }

    static RunOptions force(RunOptions o) {
        return TestOptions.of(o.configFile(), o.projectRoot(), o.cacheFile(), o.initialCache(), o.variables(), true, o.buildSequential(),
                o.maxParallel(), o.failFast(), o.skipPush(), o.tags(), o.images());
    }

    static RunOptions skipPush(RunOptions o) {
        return TestOptions.of(o.configFile(), o.projectRoot(), o.cacheFile(), o.initialCache(), o.variables(), o.forceBuild(), o.buildSequential(),
                o.maxParallel(), o.failFast(), true, o.tags(), o.images());
    }

    static RunOptions failFast(RunOptions o) {
        return TestOptions.of(o.configFile(), o.projectRoot(), o.cacheFile(), o.initialCache(), o.variables(), o.forceBuild(), o.buildSequential(),
                o.maxParallel(), true, o.skipPush(), o.tags(), o.images());
    }

    RegistryCredentials credentials(String password) {
        return new StaticCredentials(Map.of(registry.address(), new RegistryCredential(registry.address(), registry.user(),
                Password.of(password), "test credentials")), null);
    }

    EngineSettings settings(RegistryCredentials creds, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extraEnv);
        PrintStream console = new PrintStream(log, true, StandardCharsets.UTF_8);
        ConsolePrinter printer = new ConsolePrinter(console);
        EngineSettings base = EngineSettings.of(env, creds, e -> {
            events.add(e);
            printer.accept(e);
        });
        return base.withRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    RunResult build(RunOptions o) throws Exception {
        return new BuildEngine(settings(credentials(registry.password()), Map.of())).build(o);
    }

    ImageResult result(RunResult r, String name) {
        return r.images().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    String repo(String image) {
        return namespace + "/monorepo/" + image;
    }

    Map<String, String> decisions(RunResult r) {
        Map<String, String> m = new HashMap<>();
        r.images().forEach(i -> m.put(i.name(), i.status().text()));
        return m;
    }

    String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildsPushesThenSkipsAndPublishesTheSameTags() throws Exception {
        RunResult first = build(options());
        assertThat(first.failed()).as(logText()).isFalse();
        assertThat(decisions(first)).containsOnly(Map.entry("api", "built"), Map.entry("web", "built"), Map.entry("worker", "built"));
        for (ImageResult r : first.images()) {
            assertThat(registry.tagsList(repo(r.name()))).contains("\"" + r.tags().get(0) + "\"");
            assertThat(r.digest()).isEqualTo(registry.digest(repo(r.name()), r.tags().get(0)).orElseThrow());
            assertThat(events).as("the push is announced with its digest")
                    .contains(new BuildEvent.Pushed(r.name(), r.reference(), r.digest()));
            assertThat(r.reference()).isEqualTo(registry.address() + "/" + repo(r.name()) + ":" + r.tags().get(0));
        }
        assertThat(result(first, "web").tags().get(0)).matches("web-[a-z0-9]{4}");
        // built in parallel: every image started before the first one finished
        int firstDone = indexOf(e -> e instanceof BuildEvent.ImageDone);
        assertThat(firstDone).as("an ImageDone event; events: %s", events).isLessThan(Integer.MAX_VALUE);
        for (String image : List.of("api", "web", "worker")) {
            assertThat(indexOf(e -> e instanceof BuildEvent.Building b && image.equals(b.image())))
                    .isLessThan(firstDone);
        }
        BuildCache cache = CacheStore.read(options().cacheFile()).cache();
        assertThat(cache.images()).containsOnlyKeys("api", "web", "worker");
        assertThat(cache.get("api").orElseThrow().digest()).isEqualTo(result(first, "api").digest());

        RunResult second = build(options());
        assertThat(decisions(second)).containsOnly(Map.entry("api", "skipped"), Map.entry("web", "skipped"), Map.entry("worker", "skipped"));
        for (ImageResult r : second.images()) {
            ImageResult before = result(first, r.name());
            assertThat(r.tags()).isEqualTo(before.tags());
            assertThat(r.digest()).isEqualTo(before.digest());
        }
    }

    @Test
    void oneChangedFileRebuildsOnlyItsImage() throws Exception {
        assertThat(build(options()).failed()).isFalse();
        write(project, "services/worker/jobs.yaml", "jobs: []\n");
        RunResult r = build(options());
        assertThat(decisions(r)).containsOnly(Map.entry("api", "skipped"), Map.entry("web", "skipped"), Map.entry("worker", "built"));
        assertThat(result(r, "worker").reason()).isEqualTo("context changed: ./");
        // a file the .dockerignore excludes changes nothing
        write(project, "services/api/node_modules/leftpad/index.js", "changed\n");
        write(project, "services/api/test/more.test.js", "x\n");
        assertThat(decisions(build(options())).values()).containsOnly("skipped");
    }

    @Test
    void touchingEveryFileAndCopyingTheProjectRebuildNothing() throws Exception {
        assertThat(build(options()).failed()).isFalse();
        try (Stream<Path> s = Files.walk(project)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
            }
        }
        assertThat(decisions(build(options())).values()).containsOnly("skipped");

        Path otherWorkspace = tmp.resolve("other-agent/workspace");
        Path moved = otherWorkspace.resolve("checkout");
        TestFiles.copyTree(project, moved);
        RunResult r = build(options(moved, otherWorkspace));
        assertThat(decisions(r).values()).as(logText()).containsOnly("skipped");
    }

    @Test
    void entrypointOverrideIsWhatTheImageHas() throws Exception {
        RunResult r = build(options());
        String ref = result(r, "web").reference();
        String entrypoint = LocalServices.run(List.of("docker", "inspect", "--format", "{{json .Config.Entrypoint}}", ref)).trim();
        assertThat(entrypoint).isEqualTo("[\"/public/serve\",\"--port\",\"8080\",\"--root\",\"/public\"]");
        assertThat(Files.readString(project.resolve("services/web/Dockerfile"))).contains("ENTRYPOINT [\"/public/serve\"]\n")
                .doesNotContain("--port");
        // the generated Dockerfile travels in the context but is not copied into the image
        String worker = result(r, "worker").reference();
        String files = LocalServices.run(List.of("docker", "create", worker)).trim();
        try {
            String listing = LocalServices.run(List.of("docker", "export", files), null);
            assertThat(listing).doesNotContain(".dockerfile.");
        } finally {
            LocalServices.run(List.of("docker", "rm", files));
        }
    }

    @Test
    void failingImageShowsItsLogWhileTheOthersBuildAndAreCached() throws Exception {
        addBrokenImage();
        RunResult r = build(options());
        assertThat(r.failed()).isTrue();
        ImageResult broken = result(r, "broken");
        assertThat(broken.status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(broken.reason()).isEqualTo("docker build failed at Step 2/2 : RUN echo about to fail && false: "
                + "The command '/bin/sh -c echo about to fail && false' returned a non-zero code: 1");
        assertThat(logText()).contains("[broken] about to fail");
        assertThat(decisions(r)).contains(Map.entry("api", "built"), Map.entry("web", "built"), Map.entry("worker", "built"));
        assertThat(CacheStore.read(options().cacheFile()).cache().images()).containsOnlyKeys("api", "web", "worker");

        RunResult again = build(options());
        assertThat(decisions(again)).containsOnly(Map.entry("api", "skipped"), Map.entry("web", "skipped"), Map.entry("worker", "skipped"),
                Map.entry("broken", "failed"));
    }

    @Test
    void wrongPasswordNamesTheRegistryAndTheCredential() throws Exception {
        RunResult r = new BuildEngine(settings(credentials("not-the-password"), Map.of())).build(options());
        // the loop below checks nothing when there are no results: name them first
        assertThat(r.images()).extracting(ImageResult::name).containsExactlyInAnyOrder("api", "web", "worker");
        for (ImageResult i : r.images()) {
            assertThat(i.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(i.reason()).startsWith("registry " + registry.address() + " refused access: it rejected user 'devspace' from test credentials");
        }
        assertThat(logText()).doesNotContain("retrying").doesNotContain("not-the-password");
        assertThat(CacheStore.read(options().cacheFile()).cache().images()).isEmpty();
    }

    @Test
    void stoppedRegistryFailsClearlyAfterRetries() throws Exception {
        try (TestRegistry own = TestRegistry.start(Files.createDirectories(tmp.resolve("registry")))) {
            registry = own;
            RunResult first = build(options());
            assertThat(first.failed()).as(logText()).isFalse();
            own.stop();
            write(project, "services/api/src/routes.js", "export const routes = [];\n");
            RunResult r = build(options());
            ImageResult api = result(r, "api");
            assertThat(api.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(api.reason()).startsWith("push failed: registry " + own.address() + ":").contains("connection refused")
                    .endsWith("(gave up after 3 attempts)");
            assertThat(logText()).contains("retrying in 100 ms (attempt 2 of 3)").contains("retrying in 200 ms (attempt 3 of 3)");
            // the unchanged images cannot be verified either: they fail rather than publish tags nobody can pull
            assertThat(result(r, "web").reason()).contains(own.address()).contains("unreachable");
            // the cache keeps what the first run built
            assertThat(CacheStore.read(options().cacheFile()).cache().get("api").orElseThrow().tags()).isEqualTo(result(first, "api").tags());
        }
    }

    @Test
    void unreachableDaemonIsAClearError() throws Exception {
        Path yaml = project.resolve("devspace.yaml");
        // without the fallback: the daemon's error alone
        Files.writeString(yaml, Files.readString(yaml).replace("    buildArgs:\n      SERVICE_VERSION: \"1.4.2\"\n",
                "    buildArgs:\n      SERVICE_VERSION: \"1.4.2\"\n    docker:\n      disableFallback: true\n"));
        addBrokenImage();
        EngineSettings s = settings(credentials(registry.password()), Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"))
                .withClusterFactory(io.jenkins.plugins.devspacebuild.cluster.ClusterFactory.NONE);
        RunResult r = new BuildEngine(s).build(options());
        assertThat(result(r, "api").reason()).startsWith("Docker daemon not reachable at tcp://127.0.0.1:1 (")
                .contains("start Docker on this machine, or point DOCKER_HOST at a running daemon");
        // with it: the Dockerfiles without RUN are built by the embedded builder and pushed; the RUN one says what was tried
        assertThat(result(r, "web").builder()).isEqualTo("embedded");
        assertThat(result(r, "web").digest()).isEqualTo(registry.digest(repo("web"), result(r, "web").tags().get(0)).orElseThrow());
        for (ImageResult i : List.of(result(r, "broken"))) {
            assertThat(i.reason()).startsWith("no builder can build images." + i.name() + " here. Tried docker: Docker daemon not reachable at "
                    + "tcp://127.0.0.1:1 (").contains("start Docker on this machine, or point DOCKER_HOST at a running daemon")
                    .contains("; kaniko: no cluster is configured");
        }
    }

    @Test
    void imageDeletedFromTheRegistryIsRebuilt() throws Exception {
        RunResult first = build(options());
        ImageResult web = result(first, "web");
        registry.delete(repo("web"), web.digest());
        RunResult r = build(options());
        assertThat(decisions(r)).containsOnly(Map.entry("api", "skipped"), Map.entry("web", "built"), Map.entry("worker", "skipped"));
        assertThat(result(r, "web").reason()).isEqualTo("image missing: " + web.reference() + " is not in the registry");
        assertThat(registry.digest(repo("web"), result(r, "web").tags().get(0))).isPresent();
    }

    @Test
    void skipPushKeepsImagesLocalAndChecksTheDaemon() throws Exception {
        RunResult r = build(skipPush(options()));
        assertThat(r.failed()).isFalse();
        assertThat(registry.tagsList(repo("api"))).doesNotContain(result(r, "api").tags().get(0));
        assertThat(result(r, "api").digest()).isNull();
        String ref = result(r, "api").reference();
        assertThat(LocalServices.run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", ref)).trim()).startsWith("sha256:");
        assertThat(decisions(build(skipPush(options()))).values()).containsOnly("skipped");
        LocalServices.run(List.of("docker", "rmi", ref));
        RunResult again = build(skipPush(options()));
        assertThat(result(again, "api").reason()).isEqualTo("image missing: " + ref + " is not in the local image store");
        // pushing later: the local-only images are not in the registry, so they are built and pushed
        RunResult pushed = build(options());
        assertThat(decisions(pushed).values()).containsOnly("built");
    }

    @Test
    void cancellingStopsRunningBuildsAndKeepsTheCacheOfFinishedOnes() throws Exception {
        // the namespace in the command scopes the container check below to this test's own build
        write(project, "services/slow/Dockerfile", "FROM busybox-local:1\nRUN echo sleeping && sleep 60 && echo " + namespace + "\n");
        Files.writeString(project.resolve("devspace.yaml"), Files.readString(project.resolve("devspace.yaml")).replace("# DevSpace's other",
                "  slow:\n    image: ${REGISTRY}/monorepo/slow\n    context: ./services/slow\n    dockerfile: ./services/slow/Dockerfile\n\n# DevSpace's other"));
        BuildEngine engine = new BuildEngine(settings(credentials(registry.password()), Map.of()));
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.build(options());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(logText().contains("[slow] sleeping") && cacheHas("api", "web", "worker")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(logText()).contains("[slow] sleeping");
        long t0 = System.nanoTime();
        engine.cancel();
        // bounded by the get: the build sleeps 60 s, so ending within 30 s (generous on a loaded 2-core machine) shows that
        // cancel stopped it rather than waited for it
        RunResult r = run.get(30, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
        assertThat(r.cancelled()).isTrue();
        assertThat(result(r, "slow").reason()).isEqualTo("cancelled");
        assertThat(CacheStore.read(options().cacheFile()).cache().images()).containsOnlyKeys("api", "web", "worker");
        // the daemon stops the build container
        assertThat(ownContainersStop(namespace)).isEmpty();
    }

    @Test
    void failFastCancelsTheOthers() throws Exception {
        addBrokenImage();
        write(project, "services/slow/Dockerfile", "FROM busybox-local:1\nRUN sleep 60\n");
        Files.writeString(project.resolve("devspace.yaml"), Files.readString(project.resolve("devspace.yaml")).replace("# DevSpace's other",
                "  slow:\n    image: ${REGISTRY}/monorepo/slow\n    context: ./services/slow\n    dockerfile: ./services/slow/Dockerfile\n\n# DevSpace's other"));
        long t0 = System.nanoTime();
        RunResult r = build(failFast(options()));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(40);
        assertThat(r.cancelled()).isTrue();
        assertThat(result(r, "broken").status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(result(r, "slow").reason()).startsWith("cancelled");
        assertThat(logText()).contains("fail-fast: cancelling the other images because broken failed");
    }

    @Test
    void dockerCliBuilderAndCustomBuilder() throws Exception {
        Path yaml = project.resolve("devspace.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replace("    buildArgs:\n      SERVICE_VERSION: \"1.4.2\"\n", "    buildArgs:\n      SERVICE_VERSION: \"1.4.2\"\n    docker:\n      useCli: true\n")
                .replace("# DevSpace's other", "  tool:\n    image: ${REGISTRY}/monorepo/tool\n    custom:\n      command: ./build-tool.sh\n"
                        + "      imageFlag: --image\n      onChange: [\"./tool/**\"]\n\n# DevSpace's other"));
        TestFiles.executable(project, "build-tool.sh", "#!/bin/sh\necho \"custom build of $2 ($DEVSPACE_BUILD_TAGS)\"\n");
        write(project, "tool/main.sh", "echo tool\n");
        RunResult r = build(skipPush(options()));
        assertThat(r.failed()).as(logText()).isFalse();
        assertThat(logText()).contains("[api] building with the docker CLI").contains("[api] Step 9/9 : ENTRYPOINT");
        assertThat(LocalServices.run(List.of("docker", "inspect", "--format", "{{index .Config.Labels \"org.opencontainers.image.version\"}}",
                result(r, "api").reference())).trim()).isEqualTo("1.4.2");
        String tag = result(r, "tool").tags().get(0);
        assertThat(logText()).contains("[tool] custom build of " + registry.address() + "/" + repo("tool") + ":" + tag + " (" + tag + ")");
        // onChange decides the custom image's skip
        assertThat(decisions(build(skipPush(options())))).containsEntry("tool", "skipped");
        write(project, "tool/main.sh", "echo tool v2\n");
        assertThat(decisions(build(skipPush(options())))).containsEntry("tool", "built").containsEntry("api", "skipped");
    }

    @Test
    void limitsParallelism() throws Exception {
        RunOptions o = options();
        RunResult r = build(TestOptions.of(o.configFile(), o.projectRoot(), o.cacheFile(), null, o.variables(), false, true, 0, false, false,
                List.of("ci-1"), List.of("api", "web")));
        assertThat(decisions(r)).containsOnlyKeys("api", "web");
        assertThat(result(r, "api").tags()).containsExactly("ci-1");
        assertThat(logText()).contains("building 2 images one at a time");
        int apiDone = indexOf(e -> e instanceof BuildEvent.ImageDone d && d.result().name().equals("api"));
        int webStart = indexOf(e -> e instanceof BuildEvent.Building b && "web".equals(b.image()));
        // both events must be there: a missing one (indexOf gives MAX_VALUE) must not pass the order check
        assertThat(apiDone).as("api's ImageDone event; events: %s", events).isLessThan(Integer.MAX_VALUE);
        assertThat(webStart).as("web's Building event; events: %s", events).isLessThan(Integer.MAX_VALUE);
        assertThat(webStart).isGreaterThan(apiDone);
    }

    /**
     * This test's build containers (their command names {@code marker}) that are still running after waiting up to
     * 30 s: other tests and helpers use busybox-local:1 on the same daemon, so only our own containers count.
     */
    static String ownContainersStop(String marker) throws InterruptedException {
        String running = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            running = LocalServices.run(List.of("docker", "ps", "--no-trunc", "--filter", "ancestor=busybox-local:1", "--format", "{{.ID}} {{.Command}}"))
                    .lines().filter(l -> l.contains(marker)).collect(java.util.stream.Collectors.joining("\n"));
            if (running.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        return running;
    }

    private void addBrokenImage() throws Exception {
        write(project, "services/broken/Dockerfile", "FROM busybox-local:1\nRUN echo about to fail && false\n");
        Path yaml = project.resolve("devspace.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("# DevSpace's other",
                "  broken:\n    image: ${REGISTRY}/monorepo/broken\n    context: ./services/broken\n    dockerfile: ./services/broken/Dockerfile\n\n"
                        + "# DevSpace's other"));
    }

    private boolean cacheHas(String... images) {
        return CacheStore.read(options().cacheFile()).cache().images().keySet().containsAll(Set.of(images));
    }

    private int indexOf(java.util.function.Predicate<BuildEvent> p) {
        synchronized (events) {
            for (int i = 0; i < events.size(); i++) {
                if (p.test(events.get(i))) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    static {
        // make sure the shared daemon client is not confused by a JVM-wide DOCKER_HOST
        DockerDaemon.class.getName();
    }
}
