package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.docker.PrivateDockerConfig;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds with the {@code docker build} command line ({@code docker.useCli}, {@code useBuildKit} or {@code args}), as
 * DevSpace does: the engine's tar stream on stdin ({@code -}), the in-memory Dockerfile inside it. Build argument
 * values are passed through the environment ({@code --build-arg NAME}), not on the command line. Tags are pushed
 * through the daemon's API afterwards, with the credentials in the API's auth header.
 */
public final class DockerCliBuilder implements ImageBuilder {
    private final DockerDaemon daemon;
    private final BuildServices services;
    private final DockerSpec spec;

    public DockerCliBuilder(DockerDaemon daemon, BuildServices services, DockerSpec spec) {
        this.daemon = daemon;
        this.services = services;
        this.spec = spec;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.DOCKER;
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        String key = request.key();
        Path docker = StreamingProcess.which("docker", services.environment());
        if (docker == null) {
            throw new BuildFailedException("the docker command line is not on this machine's PATH; it is needed because images." + key
                    + " sets docker.useCli, useBuildKit or args. Install the Docker CLI, or remove those options to build through the API");
        }
        ImageConfig image = request.image();
        Path iidFile;
        try {
            iidFile = Files.createTempFile("devspace-build-iid-", ".txt");
        } catch (IOException e) {
            throw new BuildFailedException("cannot create a temporary file: " + e.getMessage(), e);
        }
        try {
            List<String> cmd = new ArrayList<>(List.of(docker.toString(), "build", "-f", request.input().dockerfileName(), "--iidfile",
                    iidFile.toString()));
            Map<String, String> env = new HashMap<>(services.environment());
            env.put("DOCKER_BUILDKIT", spec.useBuildKit() ? "1" : "0");
            env.put("DOCKER_HOST", daemon.host());
            for (Map.Entry<String, String> a : image.buildArgs().entrySet()) {
                cmd.add("--build-arg");
                cmd.add(a.getKey());
                env.put(a.getKey(), a.getValue());
            }
            for (String ref : request.references()) {
                cmd.add("-t");
                cmd.add(ref);
            }
            if (image.target() != null) {
                cmd.add("--target");
                cmd.add(image.target());
            }
            if (image.network() != null) {
                cmd.add("--network");
                cmd.add(image.network());
            }
            cmd.addAll(spec.args());
            cmd.add("-");
            services.events().accept(new BuildEvent.Building(key, name(), "the docker CLI" + (spec.useBuildKit() ? " (BuildKit)" : "")));
            Map<String, RegistryCredential> baseCredentials = BaseImageCredentials.of(request.input().dockerfileText(), services.credentials());
            StreamingProcess.Result r;
            PrivateDockerConfig config = null;
            try {
                if (!baseCredentials.isEmpty()) {
                    // private base images: the run's credentials through a private, deleted-after-use DOCKER_CONFIG
                    config = PrivateDockerConfig.create(baseCredentials.values());
                    env.put("DOCKER_CONFIG", config.directory().toString());
                }
                r = StreamingProcess.run(services.processes(), cmd, env, services.workingDirectory(), out -> request.input().writeTar(out), key, services.events());
            } catch (IOException e) {
                throw new BuildFailedException("docker build could not run: " + e.getMessage(), e);
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
                throw new BuildFailedException("docker build exited with code " + r.exitCode() + last);
            }
            String id;
            try {
                id = Files.readString(iidFile, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                id = null;
            }
            return DockerBuilder.pushIfAsked(daemon, services, request, id, name());
        } finally {
            try {
                Files.deleteIfExists(iidFile);
            } catch (IOException ignored) {
                // a temporary id file
            }
        }
    }

    @Override
    public boolean existsLocally(CacheEntry entry) {
        if (entry.tags().isEmpty()) {
            return false;
        }
        return daemon.holds(entry.image() + ":" + entry.tags().get(0), entry.imageId());
    }
}
