package io.jenkins.plugins.devspacebuild.cluster;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * minikube's Docker daemon, as {@code minikube docker-env --shell none} gives it ({@code KEY=VALUE} lines:
 * {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, {@code MINIKUBE_ACTIVE_DOCKERD}), the way
 * DevSpace builds for a minikube context.
 */
public final class MinikubeDockerEnv {

    private MinikubeDockerEnv() {
    }

    /** The command for a context: minikube's own profile is named after its context. */
    static List<String> command(Path minikube, String context) {
        List<String> cmd = new ArrayList<>(List.of(minikube.toString(), "docker-env", "--shell", "none"));
        if (!"minikube".equals(context)) {
            cmd.addAll(List.of("--profile", context));
        }
        return cmd;
    }

    /** Parses the output: {@code KEY=VALUE} lines; anything else is ignored. */
    static Map<String, String> parse(String output) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            String l = line.trim();
            int eq = l.indexOf('=');
            if (eq > 0 && l.substring(0, eq).matches("[A-Z_][A-Z0-9_]*")) {
                String v = l.substring(eq + 1);
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                env.put(l.substring(0, eq), v);
            }
        }
        return env;
    }

    /** Runs {@code minikube docker-env}; the error says what to do when minikube is absent or stopped. */
    public static Map<String, String> read(String context, Map<String, String> environment) throws ConfigException, InterruptedException {
        Path minikube = onPath("minikube", environment);
        if (minikube == null) {
            throw new ConfigException("kube context '" + context + "' is minikube, but the minikube command is not on PATH, so its Docker daemon "
                    + "cannot be found; install minikube on this agent, or build without --skip-push-local-kube to push to the registry");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command(minikube, context)).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(environment);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                String first = out.isBlank() ? "" : ": " + out.strip().lines().reduce((a, b) -> b).orElse("");
                throw new ConfigException("'minikube docker-env' failed for kube context '" + context + "'" + first + "; start minikube "
                        + "('minikube start'), or build without --skip-push-local-kube");
            }
            Map<String, String> env = parse(out);
            if (!env.containsKey("DOCKER_HOST")) {
                throw new ConfigException("'minikube docker-env' gave no DOCKER_HOST for kube context '" + context + "' (is minikube's "
                        + "container runtime docker?); build without --skip-push-local-kube to push to the registry");
            }
            return env;
        } catch (IOException e) {
            throw new ConfigException("'minikube docker-env' could not run: " + e.getMessage());
        }
    }

    static Path onPath(String program, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path c = dir.isEmpty() ? null : Path.of(dir, program);
            if (c != null && Files.isExecutable(c) && !Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }
}
