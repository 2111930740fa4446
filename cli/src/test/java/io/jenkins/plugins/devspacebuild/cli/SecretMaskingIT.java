package io.jenkins.plugins.devspacebuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with a planted registry password (from {@code --registry-credentials}) that a custom build command
 * prints, plain, shell-quoted and Base64-encoded, and then fails: the password appears in no output, file or message.
 * Needs no daemon and no registry (the build does not push).
 */
class SecretMaskingIT {
    static final String PASSWORD = "pl@nted'Pa55$word";
    @TempDir
    Path tmp;

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The forms a leak could take: the password, and pieces of its encodings long enough to decode it. */
    static List<String> leaks() {
        return List.of(PASSWORD, "Pa55$word", "'pl@nted'\\''Pa55$word'", b64(PASSWORD).substring(0, 16), b64("ci:" + PASSWORD).substring(4, 20));
    }

    Process start(Path project, Path passwordFile, String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("java", "-jar", System.getProperty("devspace.cliJar", "target/devspace-build.jar"),
                "build", "--skip-push", "--no-pull-secrets", "--registry-credentials", "registry.example.com=ci:" + passwordFile));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", tmp.resolve("docker-config").toString());
        pb.environment().put("DOCKER_HOST", "tcp://127.0.0.1:1");
        pb.environment().put("KUBECONFIG", tmp.resolve("no-kubeconfig").toString());
        return pb.start();
    }

    @Test
    void aPasswordInAnErrorMessageIsMaskedInTheExitMessage() throws Exception {
        Path project = tmp.resolve("project");
        Path passwordFile = tmp.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        // a user pasted the password where the image name goes: the configuration error quotes the value
        TestFiles.write(project, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: \"registry.example.com/app " + PASSWORD
                + "\"\n");
        Process p = start(project, passwordFile);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).startsWith("error: ").contains("****");
        for (String leak : leaks()) {
            assertThat(output).as("the exit message must not hold " + leak).doesNotContain(leak);
        }
    }

    @Test
    void aPrintedPasswordIsMaskedEverywhere() throws Exception {
        Path project = tmp.resolve("project");
        Path passwordFile = tmp.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        TestFiles.executable(project, "leak.sh", "#!/bin/sh\n"
                + "p=$(cat '" + passwordFile + "')\n"
                + "echo \"plain: $p\"\n"
                + "printf '%s' \"$p\" | base64\n"
                + "printf '%s' \"ci:$p\" | base64\n"
                + "echo \"quoted: '$(printf '%s' \"$p\" | sed \"s/'/'\\\\\\\\''/g\")'\"\n"
                + "echo \"login failed for ci with $p\" >&2\n"
                + "exit 1\n");
        TestFiles.write(project, "app/file.txt", "x");
        TestFiles.write(project, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: registry.example.com/team/app\n"
                + "    context: ./app\n    custom:\n      command: ./leak.sh\n");
        Path outputFile = tmp.resolve("out/results.json");
        Path outputEnv = tmp.resolve("out/images.env");
        Path events = tmp.resolve("out/events.jsonl");
        Files.createDirectories(outputFile.getParent());
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", System.getProperty("devspace.cliJar", "target/devspace-build.jar"), "build",
                "--skip-push", "--no-pull-secrets", "--registry-credentials", "registry.example.com=ci:" + passwordFile,
                "--output-file", outputFile.toString(), "--output-env", outputEnv.toString(), "--events-json", events.toString())
                .directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", tmp.resolve("docker-config").toString());
        pb.environment().put("DOCKER_HOST", "tcp://127.0.0.1:1");
        pb.environment().put("KUBECONFIG", tmp.resolve("no-kubeconfig").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isEqualTo(1);
        // the command did print the password, in every form, and the run reports the failure with its output
        assertThat(output).contains("[app] plain: ****").contains("[app] quoted: ****").contains("FAILED: custom build command exited with code 1")
                .contains("IMAGE").contains("0 built, 0 skipped, 1 failed");
        String json = Files.readString(events);
        assertThat(json).contains("\"type\":\"Output\"").contains("\"type\":\"RunDone\"").contains("****");
        Map<String, String> files = Map.of("output", output, "results.json", Files.readString(outputFile), "images.env",
                Files.readString(outputEnv), "events.jsonl", json);
        for (Map.Entry<String, String> f : files.entrySet()) {
            for (String leak : leaks()) {
                assertThat(f.getValue()).as(f.getKey() + " must not hold " + leak).doesNotContain(leak);
            }
        }
    }
}
