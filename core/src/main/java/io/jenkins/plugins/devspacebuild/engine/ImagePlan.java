package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuildInput;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.cache.ImageHashes;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import java.util.Optional;

/**
 * Steps 1–4 for one image: what will be built from what, and the decision.
 *
 * @param image    its configuration
 * @param input    the in-memory Dockerfile and the hashed context
 * @param hashes   Dockerfile, context and config hashes
 * @param previous the cache entry of its last build, if any
 * @param decision build (with the reason) or skip
 */
public record ImagePlan(ImageConfig image, BuildInput input, ImageHashes hashes, Optional<CacheEntry> previous, Decision decision) {

    public String key() {
        return image.key();
    }

    public ImagePlan withDecision(Decision d) {
        return new ImagePlan(image, input, hashes, previous, d);
    }
}
