package io.jenkins.plugins.devspacebuild.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kaniko} builder block: the image is built in a fresh pod of the cluster.
 * Structured Kubernetes fields (tolerations, resources, envFrom, additionalMounts) are kept as plain YAML values and
 * converted to Kubernetes objects when the pod is made.
 */
public record KanikoSpec(
        boolean cache,
        String cacheRepo,
        String snapshotMode,
        String image,
        String initImage,
        List<String> args,
        List<String> command,
        String namespace,
        boolean insecure,
        String pullSecret,
        boolean skipPullSecretMount,
        Map<String, String> nodeSelector,
        List<Object> tolerations,
        String serviceAccount,
        Map<String, String> annotations,
        Map<String, String> labels,
        Map<String, String> initEnv,
        Map<String, String> env,
        List<Object> envFrom,
        List<Object> additionalMounts,
        Map<String, Object> resources,
        Duration timeout) implements BuilderSpec {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

    public KanikoSpec {
        args = List.copyOf(args);
        command = List.copyOf(command);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
        annotations = Map.copyOf(annotations);
        labels = Map.copyOf(labels);
        initEnv = Map.copyOf(initEnv);
        env = Map.copyOf(env);
        envFrom = List.copyOf(envFrom);
        additionalMounts = List.copyOf(additionalMounts);
        resources = Map.copyOf(resources);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** All defaults: what the Docker builder falls back to when the daemon is unreachable. */
    public static KanikoSpec defaults() {
        return new KanikoSpec(true, null, null, null, null, List.of(), List.of(), null, false, null, false, Map.of(), List.of(),
                null, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(), null);
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.KANIKO;
    }

    @Override
    public Map<String, Object> hashedSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image == null ? "" : image);
        m.put("snapshotMode", snapshotMode == null ? "" : snapshotMode);
        m.put("args", args);
        m.put("command", command);
        return m;
    }
}
