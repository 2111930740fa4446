package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;

/**
 * Step 5 (and the builder's part of steps 6 and 7): builds one image, applies its tags and, when asked, pushes them.
 * Implementations: Docker daemon (API or CLI), kaniko in a cluster, a custom command, and the embedded builder. Each
 * is called from a pool thread; cancellation is a thread interrupt, after which nothing of the build may keep running.
 */
public interface ImageBuilder {

    /** Which kind of builder this is. */
    BuilderKind kind();

    /** The name shown in the summary and stored in the cache. */
    default String name() {
        return kind().configName();
    }

    BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException;

    /**
     * For a skip without push: whether the image recorded in {@code entry} is still where this builder put it
     * (the local daemon, a tarball). Builders that only push answer true.
     */
    default boolean existsLocally(CacheEntry entry) {
        return true;
    }
}
