package io.jenkins.plugins.devspacebuild.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code buildKit} builder block (v1beta10 and later): {@code docker buildx build} on the agent, fed the same
 * context stream as the other builders.
 *
 * @param command        the base command, {@code [docker, buildx]} by default (DevSpace's {@code command}); {@code build ...} follows it
 * @param args           extra {@code build} arguments, added after the generated ones
 * @param preferMinikube build against minikube's daemon when the kube context is {@code minikube} (DevSpace's default: true)
 */
public record BuildKitSpec(List<String> command, List<String> args, boolean preferMinikube) implements BuilderSpec {

    public static final List<String> DEFAULT_COMMAND = List.of("docker", "buildx");
    public static final BuildKitSpec DEFAULT = new BuildKitSpec(DEFAULT_COMMAND, List.of(), true);

    public BuildKitSpec {
        command = command == null || command.isEmpty() ? DEFAULT_COMMAND : List.copyOf(command);
        args = List.copyOf(args);
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.BUILDKIT;
    }

    @Override
    public Map<String, Object> hashedSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("args", args);
        return m;
    }

    /**
     * Reads a {@code buildKit} block. {@code inCluster} (a BuildKit deployment in the cluster, driven by
     * {@code docker buildx create --driver kubernetes}) is refused with what to do instead; {@code skipPush} and
     * {@code options} are left to the caller (they belong to the image in the older shape).
     */
    static BuildKitSpec read(YamlMapping b) throws ConfigException {
        if (b.has("inCluster")) {
            throw new ConfigException(b.keyLocation("inCluster"), b.child("inCluster"), "building with BuildKit inside the cluster is not supported "
                    + "by devspace-build; remove inCluster to build with 'docker buildx build' on the agent, or use the kaniko builder for "
                    + "in-cluster builds");
        }
        List<String> command = b.stringList("command", "[\"docker\", \"buildx\"]");
        if (command != null && command.isEmpty()) {
            throw new ConfigException(b.keyLocation("command"), b.child("command"), "is empty; give the base command, e.g. [\"docker\", \"buildx\"]");
        }
        List<String> args = b.stringList("args", "[\"--platform\", \"linux/amd64\"]");
        BuildKitSpec spec = new BuildKitSpec(command, args == null ? List.of() : args, b.bool("preferMinikube", true));
        b.rejectUnknown(Set.of("skipPush", "options"));
        return spec;
    }
}
