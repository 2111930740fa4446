package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import java.nio.file.Path;
import java.util.ArrayList;
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
        services.events().accept(new BuildEvent.Building(key, name(), "the docker CLI" + (spec.useBuildKit() ? " (BuildKit)" : "")));
        String id = DockerCliRun.run(services, daemon, request, "docker build", Map.of("DOCKER_BUILDKIT", spec.useBuildKit() ? "1" : "0"),
                iidFile -> command(docker, spec, request, iidFile), tail -> "");
        return DockerBuilder.pushIfAsked(daemon, services, request, id, name());
    }

    /** The command line, without any secret: build argument values come from the environment. */
    static List<String> command(Path docker, DockerSpec spec, BuildRequest request, Path iidFile) {
        ImageConfig image = request.image();
        List<String> cmd = new ArrayList<>(List.of(docker.toString(), "build", "-f", request.input().dockerfileName(), "--iidfile",
                iidFile.toString()));
        for (String name : image.buildArgs().keySet()) {
            cmd.add("--build-arg");
            cmd.add(name);
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
        return cmd;
    }

    @Override
    public boolean existsLocally(CacheEntry entry) {
        return DockerBuilder.heldBy(daemon, entry);
    }
}
