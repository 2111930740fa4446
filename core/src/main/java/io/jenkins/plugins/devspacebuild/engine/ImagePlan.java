package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuildInput;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.cache.ImageHashes;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import java.util.Optional;

/**
 * The plan for one image, the output of the plan stage: its inputs, hashes and final decision.
 *
 * @param image      its configuration
 * @param input      the in-memory Dockerfile and the hashed context
 * @param hashes     Dockerfile, context and config hashes
 * @param previous   the cache entry of its last build, if any
 * @param decision   build (with the reason) or skip; once the plan stage is over (skips verified) it is final
 * @param failure    why the image cannot even be decided (its skip could not be verified), or null
 * @param planningMs time spent hashing, deciding and verifying
 */
public record ImagePlan(ImageConfig image, BuildInput input, ImageHashes hashes, Optional<CacheEntry> previous, Decision decision,
                       String failure, long planningMs) {

    public String key() {
        return image.key();
    }

    /** The plan with another decision (a skip that was not safe), {@code ms} more planning time. */
    public ImagePlan redecided(Decision d, long ms) {
        return new ImagePlan(image, input, hashes, previous, d, failure, planningMs + ms);
    }

    /** The plan of an image that fails before it is built. */
    public ImagePlan failed(String why, long ms) {
        return new ImagePlan(image, input, hashes, previous, decision, why, planningMs + ms);
    }
}
