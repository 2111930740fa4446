package io.jenkins.plugins.devspacebuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import io.jenkins.plugins.devspacebuild.testing.TestFiles;
import io.jenkins.plugins.devspacebuild.testing.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a person runs it, against the real daemon and registry. */
class CliIT {
    @TempDir
    Path tmp;
    TestRegistry registry;
    Path project;
    String namespace;
    Path passwordFile;

    @BeforeEach
    void setUp() throws IOException {
        registry = TestRegistry.shared();
        namespace = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        project = tmp.resolve("monorepo");
        TestFiles.copyExample(project);
        passwordFile = tmp.resolve("password");
        Files.writeString(passwordFile, registry.password() + "\n");
    }

    record Result(int code, String output) {
    }

    Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", System.getProperty("devspace.cliJar", "target/devspace-build.jar")));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("REGISTRY", registry.address() + "/" + namespace);
        pb.environment().put("DOCKER_CONFIG", tmp.resolve("docker-config").toString());
        return pb.start();
    }

    Result run(String... args) throws Exception {
        Process p = start(List.of(args));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    String creds() {
        return registry.address() + "=" + registry.user() + ":" + passwordFile;
    }

    @Test
    void buildWritesResultsAndSkipsTheSecondTime() throws Exception {
        Result first = run("build", "--registry-credentials", creds(), "--output-file", "out/results.json", "--output-env", "out/images.env");
        assertThat(first.code()).as(first.output()).isZero();
        assertThat(first.output()).contains("[api] Step 1/9 : FROM scratch AS base").contains("3 built, 0 skipped, 0 failed")
                .contains("IMAGE   DECISION  REASON").doesNotContain(registry.password());
        JsonNode results = new ObjectMapper().readTree(project.resolve("out/results.json").toFile());
        assertThat(results).hasSize(3);
        JsonNode api = results.get(0);
        String repo = registry.address() + "/" + namespace + "/monorepo/api";
        String tag = api.get("tags").get(0).asText();
        assertThat(api.get("name").asText()).isEqualTo("api");
        assertThat(api.get("image").asText()).isEqualTo(repo);
        assertThat(api.get("reference").asText()).isEqualTo(repo + ":" + tag);
        assertThat(api.get("digest").asText()).startsWith("sha256:");
        assertThat(api.get("referenceWithDigest").asText()).isEqualTo(repo + ":" + tag + "@" + api.get("digest").asText());
        assertThat(api.get("decision").asText()).isEqualTo("built");
        assertThat(api.get("reason").asText()).isEqualTo("no earlier build");
        assertThat(api.get("durationMs").asLong()).isPositive();
        List<String> env = Files.readAllLines(project.resolve("out/images.env"));
        assertThat(env).contains("DEVSPACE_IMAGE_API=" + repo + ":" + tag, "DEVSPACE_IMAGE_API_REPOSITORY=" + repo, "DEVSPACE_IMAGE_API_TAG=" + tag,
                "DEVSPACE_IMAGE_API_DIGEST=" + api.get("digest").asText());
        assertThat(env).hasSize(12);

        Result second = run("build", "--registry-credentials", creds(), "--output-env", "out/images2.env");
        assertThat(second.code()).as(second.output()).isZero();
        assertThat(second.output()).contains("0 built, 3 skipped, 0 failed");
        assertThat(Files.readAllLines(project.resolve("out/images2.env"))).isEqualTo(env);
    }

    @Test
    void dockerConfigJsonIsUsedWhenNoCredentialsAreGiven() throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((registry.user() + ":" + registry.password()).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(tmp.resolve("docker-config"));
        Files.writeString(tmp.resolve("docker-config/config.json"), "{\"auths\": {\"" + registry.address() + "\": {\"auth\": \"" + auth + "\"}}}");
        Result r = run("build", "web");
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).contains("as user 'devspace' from " + tmp.resolve("docker-config/config.json") + " (auths)");
    }

    @Test
    void failedBuildExitsOneAndOtherImagesAreKept() throws Exception {
        Files.writeString(project.resolve("services/web/Dockerfile"), "FROM scratch\nCOPY missing-file /x\n");
        Result r = run("build", "--registry-credentials", creds());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.output()).contains("[web] FAILED: docker build failed at Step 2/3 : COPY missing-file /x: COPY failed: file not found in build context")
                .contains("2 built, 0 skipped, 1 failed");
        assertThat(CacheStore.read(project.resolve(".devspace/devspace-build-cache.json")).cache().images()).containsOnlyKeys("api", "worker");
    }

    @Test
    void ctrlCStopsRunningBuildsAndLeavesAConsistentCache() throws Exception {
        LocalServices.requireDocker();
        Files.createDirectories(project.resolve("services/slow"));
        Files.writeString(project.resolve("services/slow/Dockerfile"), "FROM busybox-local:1\nRUN echo sleeping-now && sleep 60 && echo " + namespace + "\n");
        Path yaml = project.resolve("devspace.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("# DevSpace's other",
                "  slow:\n    image: ${REGISTRY}/monorepo/slow\n    context: ./services/slow\n    dockerfile: ./services/slow/Dockerfile\n\n# DevSpace's other"));
        Process p = start(List.of("build", "--registry-credentials", creds()));
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                if (out.toString().contains("[slow] sleeping-now") && out.toString().contains("[worker] built")
                        && out.toString().contains("[api] built") && out.toString().contains("[web] built")) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        // generous on purpose: the CLI waits at most 60 s for running builds to stop (the Scheduler's bounded wait), and
        // a loaded 2-core machine slows the daemon's teardown; what is checked is that it ends and the cache is consistent
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the CLI ended after SIGINT; output so far:%n%s", out).isTrue();
        reader.join(5000);
        assertThat(out.toString()).contains("cancelling: stopping running builds...");
        assertThat(CacheStore.read(project.resolve(".devspace/devspace-build-cache.json")).cache().images()).containsOnlyKeys("api", "web", "worker");
        // only this test's build containers count (its command names the namespace): others use busybox-local:1 too
        String running = "";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            running = LocalServices.run(List.of("docker", "ps", "--no-trunc", "--filter", "ancestor=busybox-local:1", "--format", "{{.ID}} {{.Command}}"))
                    .lines().filter(l -> l.contains(namespace)).collect(java.util.stream.Collectors.joining("\n"));
            if (running.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(running).isEmpty();
        try (var files = Files.list(project.resolve(".devspace"))) {
            // the cache, the lock file beside it (issue 13.5) and the workspace's stat cache; no temporary file is left
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("devspace-build-cache.json",
                    "devspace-build-cache.json.lock", io.jenkins.plugins.devspacebuild.cache.StatCache.FILE_NAME);
        }
    }
}
