package io.jenkins.plugins.devspacebuild.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of builder, each with the one name it has in devspace.yaml, on the command line ({@code --builder}), in
 * the Jenkins step ({@code builder:}), in the cache and in the summary. Every other place names builders through this
 * enum, never by spelling the string.
 */
public enum BuilderKind {
    /** The Docker daemon (Engine API, or the {@code docker build} CLI). The default. */
    DOCKER("docker", true),
    /** kaniko in a pod of the configured Kubernetes cluster. */
    KANIKO("kaniko", true),
    /** The user's own command. Only as an image's builder block, not for a whole run. */
    CUSTOM("custom", false),
    /** jib inside this JVM: no daemon, Dockerfiles without RUN. */
    EMBEDDED("embedded", true),
    /** {@code docker buildx build} on the agent's Docker daemon (devspace.yaml's {@code buildKit} block). */
    BUILDKIT("buildkit", true);

    private final String configName;
    private final boolean forRun;

    BuilderKind(String configName, boolean forRun) {
        this.configName = configName;
        this.forRun = forRun;
    }

    /** The name in devspace.yaml, on the command line, in the cache. */
    public String configName() {
        return configName;
    }

    /** Whether a run may build every image with this kind ({@code --builder}, the step's {@code builder}). */
    public boolean forRun() {
        return forRun;
    }

    /** The kind with this name (as written by a user or stored in the cache), if any. */
    public static Optional<BuilderKind> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.configName.equals(n)).findFirst();
    }

    /** The kinds a whole run can be built with. */
    public static List<BuilderKind> runKinds() {
        return Arrays.stream(values()).filter(BuilderKind::forRun).toList();
    }

    /** "docker, kaniko, embedded or buildkit": for messages that list the choices. */
    public static String runKindNames() {
        List<String> names = runKinds().stream().map(BuilderKind::configName).toList();
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + names.get(names.size() - 1);
    }

    /**
     * A run's builder option: empty for blank (each image's own builder).
     *
     * @throws IllegalArgumentException with the message a user can act on, when it names no run kind
     */
    public static Optional<BuilderKind> parseRunOption(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<BuilderKind> k = named(value).filter(BuilderKind::forRun);
        if (k.isEmpty()) {
            throw new IllegalArgumentException("builder '" + value.strip() + "' is not a builder; use " + runKindNames());
        }
        return k;
    }

    @Override
    public String toString() {
        return configName;
    }
}
