package io.jenkins.plugins.devspacebuild.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code docker} builder block (also the default when an image names no builder).
 *
 * @param disableFallback never fall back to another builder when the daemon is unreachable
 * @param useBuildKit     build with BuildKit ({@code DOCKER_BUILDKIT=1}); implies the CLI
 * @param useCli          build with the {@code docker build} command line instead of the API
 * @param args            extra {@code docker build} arguments; imply the CLI
 * @param preferMinikube  accepted for compatibility; there is no minikube daemon on a Jenkins agent
 */
public record DockerSpec(boolean disableFallback, boolean useBuildKit, boolean useCli, List<String> args, boolean preferMinikube)
        implements BuilderSpec {

    public static final DockerSpec DEFAULT = new DockerSpec(false, false, false, List.of(), false);

    public DockerSpec {
        args = List.copyOf(args);
    }

    /** Whether the {@code docker build} CLI is used rather than the Engine API (DevSpace's rule). */
    public boolean cli() {
        return useCli || useBuildKit || !args.isEmpty();
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.DOCKER;
    }

    @Override
    public Map<String, Object> hashedSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("useBuildKit", useBuildKit);
        m.put("cli", cli());
        m.put("args", args);
        return m;
    }
}
