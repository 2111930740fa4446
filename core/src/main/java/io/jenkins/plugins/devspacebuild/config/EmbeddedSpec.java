package io.jenkins.plugins.devspacebuild.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code embedded} builder block (devspace-build's extension): the image is assembled in the JVM, with no daemon,
 * from a Dockerfile that only puts files and settings on a base image.
 *
 * @param insecure allow plain HTTP (and send credentials over it) for this image's registries
 */
public record EmbeddedSpec(boolean insecure) implements BuilderSpec {

    public static final EmbeddedSpec DEFAULT = new EmbeddedSpec(false);

    @Override
    public BuilderKind kind() {
        return BuilderKind.EMBEDDED;
    }

    @Override
    public Map<String, Object> hashedSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("insecure", insecure);
        return m;
    }
}
