package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import java.util.List;
import java.util.Optional;

/**
 * The images the configuration does not build ({@link ImageConfig#disabledReason()}: {@code build.disabled}). They are
 * never hashed, verified or built, but appear in plans and results as skipped with the reason
 * "disabled: &lt;reason&gt;", in devspace.yaml order, instead of being dropped.
 *
 * <p>Their result carries the tags of their last build when the cache has an entry for the same repository: DevSpace's
 * deploy also uses the cached tag of an image it does not build, so its variables are published as for a skip. Without
 * an entry the result has no tags and publishes no variable.
 */
final class DisabledImages {
    static final String PREFIX = "disabled: ";

    private DisabledImages() {
    }

    static boolean isDisabled(ImageConfig image) {
        return image.disabledReason().isPresent();
    }

    static String reason(ImageConfig image) {
        return PREFIX + image.disabledReason().orElseThrow();
    }

    /** The plan stage's announcement: skipped, with the reason and no hashes (nothing was read). */
    static BuildEvent.Decided decided(ImageConfig image) {
        return new BuildEvent.Decided(image.key(), false, reason(image), new BuildEvent.Hashes(null, null, null), 0);
    }

    static ImageResult result(ImageConfig image, BuildCache cache, boolean push) {
        String repository = image.image().repository();
        Optional<CacheEntry> e = cache.get(image.key()).filter(c -> repository.equals(c.image()));
        if (e.isEmpty()) {
            return new ImageResult(image.key(), repository, List.of(), null, null, ImageResult.Status.SKIPPED, reason(image),
                    image.builder().name(), 0);
        }
        CacheEntry c = e.get();
        return new ImageResult(image.key(), repository, c.tags(), push ? c.digest() : null, c.imageId(), ImageResult.Status.SKIPPED,
                reason(image) + "; last built " + c.builtAt(), c.builder(), 0);
    }
}
