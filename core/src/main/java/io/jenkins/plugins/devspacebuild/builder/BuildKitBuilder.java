package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.BuildKitSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code buildKit} builder: {@code docker buildx build} (or the configured {@code command}) on the agent, with the
 * engine's context tar on stdin ({@code -}) and the in-memory Dockerfile inside it, as DevSpace does.
 * <p>Differences from DevSpace, by design: the image is loaded into the agent's daemon ({@code --load}) and its tags are
 * pushed through the daemon's API like the docker builder's, so the credentials of the run (Jenkins credentials,
 * {@code --registry-credentials}) apply, the push is retried and its digest recorded; DevSpace runs
 * {@code buildx build --push}, which only sees the Docker CLI's own login. Build argument values travel by environment
 * ({@code --build-arg NAME}), never on the command line. When {@code args} already choose an output
 * ({@code --push}, {@code --load}, {@code --output}/{@code -o}), no {@code --load} is added and the daemon push still runs.
 */
public final class BuildKitBuilder implements ImageBuilder {
    private static final Set<String> OUTPUT_FLAGS = Set.of("--push", "--load", "--output", "-o");

    private final DockerDaemon daemon;
    private final BuildServices services;
    private final BuildKitSpec spec;

    public BuildKitBuilder(DockerDaemon daemon, BuildServices services, BuildKitSpec spec) {
        this.daemon = daemon;
        this.services = services;
        this.spec = spec;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.BUILDKIT;
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        String key = request.key();
        Path executable = executable(key);
        requireBuildx(key, executable);
        services.events().accept(new BuildEvent.Building(key, name(), String.join(" ", spec.command()) + " build (BuildKit)"));
        String id = DockerCliRun.run(services, daemon, request, String.join(" ", spec.command()) + " build", Map.of(),
                iidFile -> command(executable, spec, request, iidFile), tail -> networkHint(request.image(), tail));
        return DockerBuilder.pushIfAsked(daemon, services, request, id, name());
    }

    /** The command line, without any secret: build argument values come from the environment. */
    static List<String> command(Path executable, BuildKitSpec spec, BuildRequest request, Path iidFile) {
        ImageConfig image = request.image();
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(spec.command().subList(1, spec.command().size()));
        cmd.addAll(List.of("build", "--file", request.input().dockerfileName(), "--iidfile", iidFile.toString()));
        for (String name : image.buildArgs().keySet()) {
            cmd.add("--build-arg");
            cmd.add(name);
        }
        for (String ref : request.references()) {
            cmd.add("--tag");
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
        if (spec.args().stream().noneMatch(a -> OUTPUT_FLAGS.contains(a) || OUTPUT_FLAGS.stream().anyMatch(f -> a.startsWith(f + "=")))) {
            cmd.add("--load");
        }
        cmd.addAll(spec.args());
        cmd.add("-");
        return cmd;
    }

    private Path executable(String key) throws BuildFailedException {
        String program = spec.command().get(0);
        Path p = program.contains("/") ? Path.of(program) : StreamingProcess.which(program, services.environment());
        if (p == null || !Files.isExecutable(p)) {
            throw new BuildFailedException("'" + program + "' is not on this machine's PATH; images." + key + ".buildKit builds with "
                    + String.join(" ", spec.command()) + ". Install the Docker CLI with the buildx plugin, set buildKit.command, or use "
                    + "the docker builder (docker.useBuildKit: true)");
        }
        return p;
    }

    /** For the default command, checks once per build that the buildx plugin answers, so its absence reads as such. */
    private void requireBuildx(String key, Path executable) throws BuildFailedException, InterruptedException {
        if (!spec.command().equals(BuildKitSpec.DEFAULT_COMMAND)) {
            return;
        }
        List<String> check = List.of(executable.toString(), "buildx", "version");
        StreamingProcess.Result r;
        try {
            r = StreamingProcess.run(services.processes(), check, services.environment(), services.workingDirectory(), null, key, e -> { });
        } catch (IOException e) {
            throw new BuildFailedException("'docker buildx version' could not run: " + e.getMessage(), e);
        }
        if (r.exitCode() != 0) {
            throw new BuildFailedException("the docker buildx plugin is not installed on this agent ('docker buildx version' exited with "
                    + r.exitCode() + "); images." + key + ".buildKit needs it. Install docker-buildx, or build with the docker builder "
                    + "(docker.useBuildKit: true)");
        }
    }

    private static String networkHint(ImageConfig image, List<String> tail) {
        boolean bridge = tail.stream().anyMatch(l -> l.contains("network bridge not found"));
        return bridge && image.network() == null ? " (the daemon has no bridge network: set network: none for images." + image.key() + ")" : "";
    }

    @Override
    public boolean existsLocally(CacheEntry entry) {
        return DockerBuilder.heldBy(daemon, entry);
    }
}
