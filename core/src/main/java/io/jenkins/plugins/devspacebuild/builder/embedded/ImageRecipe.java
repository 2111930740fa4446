package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.util.List;

/**
 * What the embedded builder assembles: a base, layers on top of it, and the configuration.
 *
 * @param base     the registry base image, or null for {@code scratch}
 * @param layers   in order
 * @param settings the resulting configuration
 * @param warnings things Docker would warn about (unused build arguments)
 */
public record ImageRecipe(ResolvedBase base, List<LayerPlan> layers, ContainerSettings settings, List<String> warnings) {
    public ImageRecipe {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
    }
}
