package io.jenkins.plugins.devspacebuild.config;

import java.util.List;
import java.util.Map;

/**
 * How an image is to be built, as configured: one of the builder blocks of an image. The build package turns a spec into
 * an {@code ImageBuilder}; the settings that change the produced image are part of the image's config hash.
 */
public sealed interface BuilderSpec permits DockerSpec, KanikoSpec, CustomSpec, EmbeddedSpec, BuildKitSpec {

    /** Which builder this block configures. */
    BuilderKind kind();

    /** The builder's name in devspace.yaml, the summary, the cache and the log. */
    default String name() {
        return kind().configName();
    }

    /**
     * Globs of files whose changes decide a rebuild instead of the build context (a custom builder's {@code onChange});
     * empty = the context.
     */
    default List<String> onChange() {
        return List.of();
    }

    /** The settings that decide what the build produces, in a stable order, for the config hash. */
    Map<String, Object> hashedSettings();
}
