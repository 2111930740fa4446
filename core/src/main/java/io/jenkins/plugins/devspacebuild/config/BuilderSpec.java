package io.jenkins.plugins.devspacebuild.config;

import java.util.Map;

/**
 * How an image is to be built, as configured: one of the builder blocks of an image. The build package turns a spec into
 * an {@code ImageBuilder}; the settings that change the produced image are part of the image's config hash.
 */
public sealed interface BuilderSpec permits DockerSpec, KanikoSpec, CustomSpec, EmbeddedSpec, BuildKitSpec {

    /** The builder's name in the summary, the cache and the log: docker, kaniko, custom, embedded. */
    String name();

    /** The settings that decide what the build produces, in a stable order, for the config hash. */
    Map<String, Object> hashedSettings();
}
