package io.jenkins.plugins.devspacebuild.builder;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.devspacebuild.cache.ContextDigest;
import io.jenkins.plugins.devspacebuild.cache.ContextHasher;
import io.jenkins.plugins.devspacebuild.config.ConfigLoader;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.KanikoSpec;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.testing.FakeCluster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kaniko builder against fabric8's Kubernetes mock server (no real cluster can run here). */
class KanikoBuilderTest {
    static final String REGISTRY = "registry.example.com";
    static final String PASSWORD = "kaniko-s3cret";

    @TempDir
    Path root;
    FakeCluster cluster;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    BuildServices services;

    @BeforeEach
    void setUp() {
        cluster = new FakeCluster();
        services = new BuildServices(Map.of("PATH", "/usr/bin:/bin"), new StaticCredentials(Map.of(REGISTRY,
                new RegistryCredential(REGISTRY, "builder", Password.of(PASSWORD), "test credentials")), null), events::add,
                RetryPolicy.NONE, root, Set.of());
        write(root, "app/Dockerfile", "FROM alpine:3\nCOPY . /app\n");
        write(root, "app/src/main.go", "package main\n");
        write(root, "app/.dockerignore", "*.log\n");
        write(root, "app/debug.log", "x");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    KanikoSpec spec(String kanikoYaml) throws Exception {
        return (KanikoSpec) image(kanikoYaml).builder();
    }

    ImageConfig image(String kanikoYaml) throws Exception {
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: " + REGISTRY + "/team/app\n    context: ./app\n"
                + "    dockerfile: ./app/Dockerfile\n    target: final\n    buildArgs: {VERSION: \"1.2\"}\n    entrypoint: [\"/app/run\"]\n"
                + "    kaniko:\n" + kanikoYaml.indent(6));
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of(), Map.of())).images().get("app");
    }

    BuildRequest request(ImageConfig image, boolean push) throws Exception {
        BuildContext ctx = ContextWalker.walk(image.context(), image.dockerfile(), root);
        ContextDigest digest;
        try (ContextHasher h = new ContextHasher(2)) {
            digest = h.hash(ctx);
        }
        String dockerfile = Files.readString(image.dockerfile()) + "ENTRYPOINT [\"/app/run\"]\n";
        return new BuildRequest(image, new BuildInput(dockerfile, ctx, digest, Files.readString(image.dockerfile())), List.of("v1", "latest"), push);
    }

    KanikoBuilder builder(KanikoSpec spec) {
        return new KanikoBuilder(cluster.connection(), services, spec, () -> "abc123", Duration.ofMillis(20));
    }

    @Test
    void podSpecHonoursEveryOption() throws Exception {
        KanikoSpec spec = spec("""
                image: registry.example.com/tools/kaniko:v1
                initImage: registry.example.com/tools/busybox:1
                cache: true
                cacheRepo: registry.example.com/cache/app
                snapshotMode: redo
                insecure: true
                args: ["--verbosity=debug"]
                namespace: builds
                serviceAccount: builder
                nodeSelector: {pool: builds}
                tolerations: [{key: dedicated, operator: Equal, value: builds, effect: NoSchedule}]
                resources: {limits: {memory: 2Gi, cpu: "1"}, requests: {memory: 1Gi}}
                annotations: {team: payments}
                labels: {cost-center: ci}
                env: {HTTP_PROXY: "http://proxy:3128"}
                initEnv: {FOO: bar}
                additionalMounts:
                  - mountPath: /kaniko/ssl/certs
                    readOnly: true
                    secret: {name: ca-certs, items: [{key: ca.crt, path: ca.crt}]}
                """);
        BuildRequest req = request(image("cache: true"), true);
        Pod pod = KanikoPod.of("devspace-build-app-abc123", "builds", spec, new BuildRequest(req.image(), req.input(), req.tags(), true), "the-secret");
        Container init = pod.getSpec().getInitContainers().get(0);
        Container kaniko = pod.getSpec().getContainers().get(0);
        assertThat(init.getImage()).isEqualTo("registry.example.com/tools/busybox:1");
        assertThat(init.getCommand()).containsExactly("sh", "-c", "until [ -f /tmp/devspace-build-context-done ]; do sleep 0.2; done");
        assertThat(init.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("FOO=bar");
        assertThat(kaniko.getImage()).isEqualTo("registry.example.com/tools/kaniko:v1");
        assertThat(kaniko.getArgs()).containsExactly(
                "--dockerfile=/context/" + req.input().dockerfileName(),
                "--context=dir:///context",
                "--destination=registry.example.com/team/app:v1",
                "--destination=registry.example.com/team/app:latest",
                "--digest-file=/dev/termination-log",
                "--target=final",
                "--build-arg=VERSION=1.2",
                "--cache=true",
                "--cache-repo=registry.example.com/cache/app",
                "--snapshot-mode=redo",
                "--insecure",
                "--skip-tls-verify",
                "--verbosity=debug");
        assertThat(req.input().dockerfileName()).startsWith(".dockerfile.");
        assertThat(kaniko.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("DOCKER_CONFIG=/kaniko/.docker",
                "HTTP_PROXY=http://proxy:3128");
        assertThat(kaniko.getResources().getLimits().get("memory").toString()).isEqualTo("2Gi");
        assertThat(kaniko.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath()).containsExactly("context:/context",
                "docker-config:/kaniko/.docker", "extra-0:/kaniko/ssl/certs");
        assertThat(pod.getSpec().getVolumes()).extracting(v -> v.getName()).containsExactly("context", "docker-config", "extra-0");
        assertThat(pod.getSpec().getVolumes().get(1).getSecret().getSecretName()).isEqualTo("the-secret");
        assertThat(pod.getSpec().getVolumes().get(1).getSecret().getItems().get(0).getPath()).isEqualTo("config.json");
        assertThat(pod.getSpec().getVolumes().get(2).getSecret().getSecretName()).isEqualTo("ca-certs");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("builder");
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("pool", "builds");
        assertThat(pod.getSpec().getTolerations().get(0).getEffect()).isEqualTo("NoSchedule");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("team", "payments");
        assertThat(pod.getMetadata().getLabels()).containsEntry("cost-center", "ci").containsEntry("app.kubernetes.io/managed-by", "devspace-build");
        assertThat(KanikoPod.args(spec("cache: false"), request(image("cache: false"), false))).contains("--no-push").doesNotContain("--cache=true");
    }

    @Test
    void buildsUploadsTheHashedContextStreamsTheLogAndCleansUp() throws Exception {
        KanikoSpec spec = spec("cache: false");
        BuildRequest req = request(image("cache: false"), true);
        BuildOutcome out = builder(spec).build(req);
        assertThat(out.builder()).isEqualTo("kaniko");
        assertThat(out.digest()).isEqualTo("sha256:" + "ab".repeat(32));
        String pod = "devspace-build-app-abc123";
        // the context went in as one tar: the hashed entries plus the in-memory Dockerfile
        List<String> names = new ArrayList<>();
        String dockerfile = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(cluster.uploads.get(pod)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
                if (e.getName().startsWith(".dockerfile.")) {
                    dockerfile = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains(".dockerignore", "Dockerfile", "src/", "src/main.go").doesNotContain("debug.log");
        assertThat(dockerfile).endsWith("ENTRYPOINT [\"/app/run\"]\n");
        assertThat(events).contains(new BuildEvent.Output("app", "INFO[0001] Pushing image"));
        // the push secret carried the credential, and pod and secret are gone
        assertThat(cluster.requests).anyMatch(r -> r.startsWith("POST /api/v1/namespaces/test/secrets"));
        assertThat(cluster.client().pods().inNamespace("test").withName(pod).get()).isNull();
        assertThat(cluster.client().secrets().inNamespace("test").withName(pod).get()).isNull();
        assertThat(cluster.createdPods.get(pod).getSpec().getVolumes().get(1).getSecret().getSecretName()).isEqualTo(pod);
        assertThat(events.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void pushSecretHoldsTheRegistryCredential() throws Exception {
        cluster.scenario.neverFinish = true;
        KanikoSpec spec = spec("cache: false\ntimeout: 2s");
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                builder(spec).build(request(image("cache: false\ntimeout: 2s"), true));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        Secret s = null;
        for (int i = 0; i < 100 && s == null; i++) {
            s = cluster.client().secrets().inNamespace("test").withName("devspace-build-app-abc123").get();
            Thread.sleep(20);
        }
        assertThat(s).isNotNull();
        assertThat(s.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        String json = new String(Base64.getDecoder().decode(s.getData().get(".dockerconfigjson")), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"auths\":{\"registry.example.com\":{\"auth\":\""
                + Base64.getEncoder().encodeToString(("builder:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        assertThat(s.getMetadata().getOwnerReferences()).extracting(o -> o.getKind() + "/" + o.getName()).containsExactly("Pod/devspace-build-app-abc123");
        assertThat(run.get(10, TimeUnit.SECONDS)).hasMessageStartingWith("the kaniko build did not finish within 2s (kaniko.timeout)");
    }

    @Test
    void executorFailure() throws Exception {
        cluster.scenario.kanikoExitCode = 1;
        assertThatThrownBy(() -> builder(spec("cache: false")).build(request(image("cache: false"), true)))
                .isInstanceOf(BuildFailedException.class)
                .hasMessage("kaniko exited with code 1 (Error): error building image: exit status 1");
        assertCleanedUp();
    }

    @Test
    void initImagePullFailure() throws Exception {
        cluster.scenario.initWaitingReason = "ImagePullBackOff";
        assertThatThrownBy(() -> builder(spec("cache: false\ninitImage: registry.example.com/nope:1")).build(request(image("cache: false"), true)))
                .hasMessage("the init container cannot start: ImagePullBackOff (Back-off pulling image); check kaniko.initImage "
                        + "(registry.example.com/nope:1) and that the cluster can pull it");
        assertCleanedUp();
    }

    @Test
    void executorImagePullFailureOomAndEviction() throws Exception {
        cluster.scenario.kanikoWaitingReason = "ErrImagePull";
        assertThatThrownBy(() -> builder(spec("cache: false")).build(request(image("cache: false"), true)))
                .hasMessageStartingWith("the kaniko container cannot start: ErrImagePull");
        cluster.scenario.kanikoWaitingReason = null;
        cluster.uploads.clear();
        cluster.scenario.kanikoExitCode = 137;
        cluster.scenario.kanikoReason = "OOMKilled";
        assertThatThrownBy(() -> builder(spec("cache: false")).build(request(image("cache: false"), true)))
                .hasMessage("the kaniko container ran out of memory (OOMKilled); raise kaniko.resources.limits.memory");
        cluster.uploads.clear();
        cluster.scenario.kanikoExitCode = 0;
        cluster.scenario.kanikoReason = null;
        cluster.scenario.evict = true;
        assertThatThrownBy(() -> builder(spec("cache: false")).build(request(image("cache: false"), true)))
                .hasMessageStartingWith("the kaniko pod was evicted: The node was low on resource: memory.");
        assertCleanedUp();
    }

    @Test
    void timeout() throws Exception {
        cluster.scenario.neverFinish = true;
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> builder(spec("cache: false\ntimeout: 1s")).build(request(image("cache: false"), true)))
                .hasMessage("the kaniko build did not finish within 1s (kaniko.timeout); the pod was deleted. Raise kaniko.timeout for longer builds");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
        assertCleanedUp();
    }

    @Test
    void cancellationDeletesPodAndSecret() throws Exception {
        cluster.scenario.neverFinish = true;
        KanikoSpec spec = spec("cache: false");
        BuildRequest req = request(image("cache: false"), true);
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                builder(spec).build(req);
                result.complete(null);
            } catch (Throwable e) {
                result.complete(e);
            }
        });
        t.start();
        for (int i = 0; i < 200 && !cluster.uploads.containsKey("devspace-build-app-abc123"); i++) {
            Thread.sleep(20);
        }
        t.interrupt();
        assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertCleanedUp();
    }

    @Test
    void uploadFailure() throws Exception {
        cluster.scenario.uploadExitCode = 2;
        assertThatThrownBy(() -> builder(spec("cache: false")).build(request(image("cache: false"), true)))
                .hasMessageStartingWith("uploading the build context into the pod failed (exit code 2)");
        assertCleanedUp();
    }

    private void assertCleanedUp() {
        assertThat(cluster.client().pods().inNamespace("test").list().getItems()).isEmpty();
        assertThat(cluster.client().secrets().inNamespace("test").list().getItems()).isEmpty();
    }
}
