package io.jenkins.plugins.devspacebuild.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Docker daemon and registry the integration tests use ({@code .ci/services.sh} starts them). When they are
 * absent the tests are skipped with a message, unless {@code -Ddevspace.requireServices=true} (set by .ci/run), which
 * makes their absence a failure.
 */
public final class LocalServices {
    private static final String STATE = System.getenv().getOrDefault("DEVSPACE_SERVICES_DIR", "/tmp/devspace-build-services");
    private static Boolean dockerUp;

    private LocalServices() {
    }

    public static boolean required() {
        return Boolean.getBoolean("devspace.requireServices");
    }

    /** Skips (or, when required, fails) the calling test unless the Docker daemon answers. */
    public static void requireDocker() {
        if (!dockerAvailable()) {
            String msg = "no Docker daemon answers (run .ci/services.sh to start one)";
            if (required()) {
                throw new AssertionError(msg + ", and -Ddevspace.requireServices=true");
            }
            assumeTrue(false, msg);
        }
    }

    /** Skips (or fails) unless the daemon and the registry both answer. */
    public static void requireRegistry() {
        requireDocker();
        if (!registryAvailable()) {
            String msg = "no registry answers at " + registry() + " (run .ci/services.sh to start one)";
            if (required()) {
                throw new AssertionError(msg + ", and -Ddevspace.requireServices=true");
            }
            assumeTrue(false, msg);
        }
    }

    public static synchronized boolean dockerAvailable() {
        if (dockerUp == null) {
            try {
                Process p = new ProcessBuilder("docker", "info").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                dockerUp = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                dockerUp = false;
            }
        }
        return dockerUp;
    }

    public static boolean registryAvailable() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + registry() + "/v2/").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 401 || code == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public static String registry() {
        return System.getenv().getOrDefault("DEVSPACE_TEST_REGISTRY", "127.0.0.1:5000");
    }

    public static String registryUser() {
        return System.getenv().getOrDefault("DEVSPACE_TEST_REGISTRY_USER", "devspace");
    }

    public static Path registryPasswordFile() {
        return Path.of(System.getenv().getOrDefault("DEVSPACE_TEST_REGISTRY_PASSWORD_FILE", STATE + "/registry-password"));
    }

    public static String registryPassword() {
        try {
            return Files.readString(registryPasswordFile(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new AssertionError("cannot read the test registry password from " + registryPasswordFile(), e);
        }
    }

    /** The registry's config file, to start a second registry process after stopping it in a test. */
    public static Path registryConfig() {
        return Path.of(System.getenv().getOrDefault("DEVSPACE_TEST_REGISTRY_CONFIG", STATE + "/registry.yml"));
    }

    /** Runs a command, returns its output; fails the test when it exits non-zero. */
    public static String run(List<String> command) {
        return run(command, null);
    }

    public static String run(List<String> command, Path dir) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("DOCKER_BUILDKIT", "0");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("exit " + p.exitValue() + " from " + command + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
