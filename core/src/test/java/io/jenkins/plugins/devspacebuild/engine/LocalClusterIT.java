package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cluster.LocalCluster;
import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real docker build handed to a kind cluster instead of pushed. No kind cluster can run here, so {@code kind} is a
 * stand-in script on PATH that records its arguments: what is checked is that the engine builds, does not push, and
 * calls {@code kind load docker-image} with the cluster name and every tag, or fails clearly without kind.
 */
class LocalClusterIT {
    @TempDir
    Path tmp;
    final String repo = "127.0.0.1:5000/devspace-local-it-" + UUID.randomUUID().toString().substring(0, 8) + "/app";

    @AfterEach
    void removeImage() throws Exception {
        for (String t : List.of("t1", "t2")) {
            new ProcessBuilder("docker", "rmi", "-f", repo + ":" + t).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    RunResult build(Map<String, String> env, ByteArrayOutputStream log) throws Exception {
        write(tmp, "app/Dockerfile", "FROM scratch\nCOPY hello.txt /hello.txt\n");
        write(tmp, "app/hello.txt", "hello\n");
        write(tmp, "devspace.yaml", """
                version: v1beta11
                images:
                  app:
                    image: %s
                    tags: [t1, t2]
                    context: ./app
                    dockerfile: ./app/Dockerfile
                """.formatted(repo));
        EngineSettings settings = EngineSettings.of(env, RegistryCredentials.NONE, new ConsolePrinter(new PrintStream(log, true, StandardCharsets.UTF_8)))
                .withLocalCluster(LocalCluster.of("kind-dev", false).orElseThrow());
        // skipPush: what the CLI sets for a local cluster
        return new BuildEngine(settings).build(RunOptions.builder(tmp.resolve("devspace.yaml")).projectRoot(tmp)
                .cacheFile(tmp.resolve("cache.json")).skipPush(true).build());
    }

    @Test
    void builtImagesAreLoadedIntoKindNotPushed() throws Exception {
        LocalServices.requireDocker();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path calls = tmp.resolve("kind-calls.txt");
        write(bin, "kind", "#!/bin/sh\necho \"$@\" >> '" + calls + "'\necho \"Image loaded\"\n");
        bin.resolve("kind").toFile().setExecutable(true);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RunResult r = build(env, log);
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(r.failed()).as(text).isFalse();
        ImageResult app = r.images().get(0);
        assertThat(app.status()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(app.digest()).isNull();
        assertThat(Files.readString(calls)).isEqualTo("load docker-image --name dev " + repo + ":t1 " + repo + ":t2\n");
        assertThat(text).contains("loading into the kind cluster: kind load docker-image --name dev").contains("Image loaded")
                .doesNotContain("pushing");
    }

    @Test
    void withoutKindTheImageFailsSayingWhatToDo() throws Exception {
        LocalServices.requireDocker();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", tmp.resolve("empty").toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RunResult r = build(env, log);
        assertThat(r.images().get(0).status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(r.images().get(0).reason()).contains("the image was built, but 'kind' is not on PATH, so it cannot be loaded into the kind "
                + "cluster of kube context 'kind-dev'; install kind on this agent, or build without --skip-push-local-kube");
    }
}
