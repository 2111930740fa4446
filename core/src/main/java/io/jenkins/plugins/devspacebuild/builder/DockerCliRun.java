package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.docker.PrivateDockerConfig;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.util.ConfinedPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One build with a Docker command line ({@code docker build}, {@code docker buildx build}) that reads the engine's
 * context tar on stdin, shared by {@link DockerCliBuilder} and {@link BuildKitBuilder}: the daemon and the build
 * arguments by environment (never on the command line), the run's credentials for private base images through a
 * private {@code DOCKER_CONFIG} deleted after use, the process port, and the id of the image it built.
 */
final class DockerCliRun {
    /** The command line, given the file the CLI writes the image id to. */
    @FunctionalInterface
    interface CommandLine {
        List<String> with(Path iidFile);
    }

    private DockerCliRun() {
    }

    /**
     * Runs the build to its end.
     *
     * @param what      how the failure names the command ("docker build")
     * @param extraEnv  more environment for the CLI (e.g. {@code DOCKER_BUILDKIT})
     * @param hint      an addition to the failure message, from the output's last lines ("" for none)
     * @return the built image's id, or null when the CLI wrote none
     */
    static String run(BuildServices services, DockerDaemon daemon, BuildRequest request, String what, Map<String, String> extraEnv,
                      CommandLine commandLine, Function<List<String>, String> hint) throws BuildFailedException, InterruptedException {
        String key = request.key();
        // beside devspace.yaml, not in /tmp: a process started in another container of the pod (container()) shares the workspace
        Path tmp = services.workingDirectory().resolve(".devspace");
        Path iidFile;
        try {
            Files.createDirectories(tmp);
            ConfinedPaths.requireInside(services.workingDirectory(), tmp, "the temporary directory");
            iidFile = Files.createTempFile(tmp, "devspace-build-iid-", ".txt");
        } catch (IOException e) {
            throw new BuildFailedException("cannot create a temporary file in " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Map<String, String> env = new HashMap<>(services.environment());
            env.putAll(extraEnv);
            env.put("DOCKER_HOST", daemon.host());
            env.putAll(request.image().buildArgs());
            Map<String, RegistryCredential> baseCredentials = BaseImageCredentials.of(request.input().dockerfileText(), services.credentials());
            StreamingProcess.Result r;
            PrivateDockerConfig config = null;
            try {
                if (!baseCredentials.isEmpty()) {
                    // private base images: the run's credentials through a private, deleted-after-use DOCKER_CONFIG
                    config = PrivateDockerConfig.create(baseCredentials.values(), tmp);
                    env.put("DOCKER_CONFIG", config.directory().toString());
                }
                r = StreamingProcess.run(services.processes(), commandLine.with(iidFile), env, services.workingDirectory(),
                        out -> request.input().writeTar(out), key, services.events());
            } catch (IOException e) {
                throw new BuildFailedException(what + " could not run: " + e.getMessage(), e);
            } finally {
                if (config != null) {
                    try {
                        config.close();
                    } catch (IOException e) {
                        services.events().warning(key, "the private docker config " + config.directory() + " could not be deleted ("
                                + e.getMessage() + "); delete it: it holds registry credentials");
                    }
                }
            }
            if (r.exitCode() != 0) {
                String last = r.tail().isEmpty() ? "" : ": " + r.tail().get(r.tail().size() - 1);
                throw new BuildFailedException(what + " exited with code " + r.exitCode() + last + hint.apply(r.tail()));
            }
            try {
                String id = Files.readString(iidFile, StandardCharsets.UTF_8).trim();
                return id.isEmpty() ? null : id;
            } catch (IOException e) {
                return null;
            }
        } finally {
            try {
                Files.deleteIfExists(iidFile);
            } catch (IOException ignored) {
                // a temporary id file
            }
        }
    }
}
