package io.jenkins.plugins.devspacebuild.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code images.<key>.rebuildStrategy}, as in DevSpace. */
public enum RebuildStrategy {
    /** Rebuild when the Dockerfile, the build configuration or any context file changed. */
    DEFAULT("default"),
    /** Rebuild on every run. */
    ALWAYS("always"),
    /** Rebuild only when the Dockerfile or the build configuration changed. */
    IGNORE_CONTEXT_CHANGES("ignoreContextChanges");

    private final String yamlName;

    RebuildStrategy(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<RebuildStrategy> fromYaml(String value) {
        return Arrays.stream(values()).filter(s -> s.yamlName.equals(value)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(RebuildStrategy::yamlName).collect(Collectors.joining(", "));
    }
}
