package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart helper in a real image: built by the engine with the docker builder, then run by the daemon; restarted
 * the way DevSpace's dev mode does it (remove the pid file, kill the process group), by the restart file, and stopped.
 */
class RestartHelperIT {
    @TempDir
    Path tmp;
    final String repo = "devspace-restart-it/app-" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> containers = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (String c : containers) {
            docker("rm", "-f", c);
        }
        docker("rmi", "-f", repo + ":t1");
    }

    record Out(int code, String text) {
    }

    static Out docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return new Out(p.exitValue(), text.trim());
    }

    static String awaitLogs(String container, Predicate<String> done, int seconds) throws Exception {
        String logs = "";
        for (int i = 0; i < seconds * 5; i++) {
            logs = docker("logs", container).text();
            if (done.test(logs)) {
                return logs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out; logs:\n" + logs);
    }

    static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    String build(String version, String field) throws Exception {
        write(tmp, "app/Dockerfile", """
                FROM busybox-local:1
                RUN /bin/busybox ln -s busybox /bin/rm && /bin/busybox ln -s busybox /bin/setsid
                COPY app.sh /app.sh
                ENTRYPOINT ["sh", "/app.sh"]
                CMD ["hello"]
                """);
        write(tmp, "app/app.sh", "echo \"app started with $1\"\nwhile true; do sleep 1; done\n");
        write(tmp, "devspace.yaml", """
                version: %s
                %simages:
                  app:
                    image: %s
                    tags: [t1]
                    context: ./app
                    dockerfile: ./app/Dockerfile
                    %s: true
                """.formatted(version, version.equals("v2beta1") ? "name: restart\n" : "", repo, field));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BuildEngine engine = new BuildEngine(EngineSettings.of(System.getenv(), RegistryCredentials.NONE,
                new ConsolePrinter(new PrintStream(log, true, StandardCharsets.UTF_8))));
        RunResult r = engine.build(RunOptions.builder(tmp.resolve("devspace.yaml")).projectRoot(tmp).skipPush(true).build());
        assertThat(r.failed()).as(log.toString(StandardCharsets.UTF_8)).isFalse();
        assertThat(r.images().get(0).status()).isEqualTo(ImageResult.Status.BUILT);
        return repo + ":t1";
    }

    @Test
    void theEntrypointIsWrappedAndTheHelperRestartsTheCommandAsDevSpaceAsks() throws Exception {
        LocalServices.requireDocker();
        String image = build("v1beta11", "injectRestartHelper");
        assertThat(docker("image", "inspect", "--format", "{{json .Config.Entrypoint}} {{json .Config.Cmd}}", image).text())
                .isEqualTo("[\"/.devspace/devspace-restart-helper\",\"sh\",\"/app.sh\"] [\"hello\"]");
        assertThat(docker("run", "--rm", "--network", "none", "--entrypoint", "stat", image, "-c", "%a %n", "/.devspace",
                "/.devspace/devspace-restart-helper").text()).isEqualTo("777 /.devspace\n777 /.devspace/devspace-restart-helper");

        String c = "devspace-restart-it-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(c);
        assertThat(docker("run", "-d", "--name", c, "--network", "none", image).code()).isZero();
        awaitLogs(c, l -> l.contains("app started with hello"), 20);
        String pid = docker("exec", c, "cat", "/.devspace/devspace-pid").text();
        assertThat(pid).matches("[0-9]+");

        // DevSpace's restart: read the pid, remove the pid file, kill the process group
        assertThat(docker("exec", c, "sh", "-c", "p=$(cat /.devspace/devspace-pid); rm /.devspace/devspace-pid; kill -9 -$p").code()).isZero();
        String logs = awaitLogs(c, l -> count(l, "app started with hello") == 2, 10);
        assertThat(logs).contains("restart helper: restarting the command").doesNotContain("starting it again in 7 seconds");
        awaitLogs(c, l -> true, 1);
        String pid2 = docker("exec", c, "cat", "/.devspace/devspace-pid").text();
        assertThat(pid2).matches("[0-9]+").isNotEqualTo(pid);

        // the restart file does the same
        assertThat(docker("exec", c, "sh", "-c", ": > /.devspace/restart").code()).isZero();
        awaitLogs(c, l -> count(l, "app started with hello") == 3, 15);

        // the command dies by itself (pid file still there): started again after 7 seconds, as DevSpace's helper does
        assertThat(docker("exec", c, "sh", "-c", "kill -9 $(cat /.devspace/devspace-pid)").code()).isZero();
        String crashed = awaitLogs(c, l -> count(l, "app started with hello") == 4, 15);
        assertThat(crashed).contains("restart helper: the command exited with code 137; starting it again in 7 seconds");

        // stop: TERM reaches the command and the container ends well before docker's 10 s kill
        long t0 = System.nanoTime();
        assertThat(docker("stop", c).code()).isZero();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(8);
    }

    @Test
    void theV2beta1HelperWaitsForTheStartFile() throws Exception {
        LocalServices.requireDocker();
        String image = build("v2beta1", "injectRestartHelper");
        String c = "devspace-restart-it-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(c);
        assertThat(docker("run", "-d", "--name", c, "--network", "none", image).code()).isZero();
        awaitLogs(c, l -> l.contains("waiting for /.devspace/start"), 20);
        Thread.sleep(1500);
        assertThat(docker("logs", c).text()).doesNotContain("app started");
        assertThat(docker("exec", c, "sh", "-c", ": > /.devspace/start").code()).isZero();
        awaitLogs(c, l -> l.contains("app started with hello"), 10);
    }
}
