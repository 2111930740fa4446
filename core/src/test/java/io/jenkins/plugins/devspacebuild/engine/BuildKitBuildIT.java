package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import io.jenkins.plugins.devspacebuild.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buildKit builder against the real daemon (docker driver) and registry; skipped with a message where buildx is not installed. */
class BuildKitBuildIT {
    @TempDir
    Path tmp;

    static boolean buildxAvailable() {
        try {
            Process p = new ProcessBuilder("docker", "buildx", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void buildsWithBuildxPushesThroughTheDaemonAndSkipsTheSecondTime() throws Exception {
        LocalServices.requireRegistry();
        Assumptions.assumeTrue(buildxAvailable(), "docker buildx is not installed on this machine: the buildKit builder's build is not exercised "
                + "(BuildKitBuilderTest checks its command line)");
        TestRegistry registry = TestRegistry.shared();
        String namespace = "buildkit-" + UUID.randomUUID().toString().substring(0, 8);
        write(tmp, "app/Dockerfile", "FROM scratch\nCOPY hello.txt /hello.txt\n");
        write(tmp, "app/hello.txt", "hello from buildx\n");
        write(tmp, "devspace.yaml", """
                version: v2beta1
                name: bk
                images:
                  app:
                    image: %s/%s/app
                    dockerfile: ./app/Dockerfile
                    context: ./app
                    network: none
                    buildKit: {}
                """.formatted(registry.address(), namespace));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StaticCredentials creds = new StaticCredentials(Map.of(registry.address(), new RegistryCredential(registry.address(), registry.user(),
                Password.of(registry.password()), "test credentials")), null);
        BuildEngine engine = new BuildEngine(EngineSettings.of(System.getenv(), creds, new ConsolePrinter(new PrintStream(log, true, StandardCharsets.UTF_8))));
        RunOptions options = RunOptions.builder(tmp.resolve("devspace.yaml")).projectRoot(tmp).build();

        RunResult first = engine.build(options);
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(first.failed()).as(text).isFalse();
        ImageResult app = first.images().get(0);
        assertThat(app.builder()).isEqualTo("buildkit");
        assertThat(text).contains("builder: buildkit (images.app.buildkit)").contains("building with docker buildx build (BuildKit)");
        assertThat(app.digest()).isEqualTo(registry.digest(namespace + "/app", app.tags().get(0)).orElseThrow());

        RunResult second = engine.build(options);
        assertThat(second.images().get(0).status()).isEqualTo(ImageResult.Status.SKIPPED);
        assertThat(second.images().get(0).tags()).isEqualTo(app.tags());
    }
}
