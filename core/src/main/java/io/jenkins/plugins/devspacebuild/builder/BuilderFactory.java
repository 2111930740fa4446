package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.util.Optional;

/**
 * The builder port: makes the {@link ImageBuilder} of each image. The engine gets it from its settings, so tests (and
 * other front ends) can give it fake builders; {@link #DEFAULT} is the real one ({@link BuilderSelector}: the run's
 * override, else the image's block, else Docker, with the fallback docker → kaniko → embedded). Only implementations
 * of this port look at builder specs.
 */
@FunctionalInterface
public interface BuilderFactory {

    BuilderFactory DEFAULT = BuilderSelector::new;

    /**
     * The builders of one run.
     *
     * @param override the run's builder for every image, or empty for each image's own
     */
    RunBuilders open(BuildServices services, RegistryClient registry, Connections connections, Optional<BuilderKind> override);

    /** The builders of one run. Thread-safe. */
    interface RunBuilders {

        /** The builder for an image; fails with the reason (and what was tried) when none can build it here. */
        ImageBuilder select(ImageConfig image, BuildInput input) throws BuildFailedException;

        /**
         * For a skip without push: whether the image recorded in {@code entry} is still where the builder that made
         * it left it (the local daemon, a tarball). Builders that only push answer true.
         */
        boolean existsLocally(CacheEntry entry);
    }
}
