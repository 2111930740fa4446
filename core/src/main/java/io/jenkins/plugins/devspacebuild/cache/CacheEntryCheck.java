package io.jenkins.plugins.devspacebuild.cache;

import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.util.ReferenceGrammar;

/**
 * Checks a cache entry before it is trusted: the cache is a file anyone with the workspace (or the artifact) can edit,
 * and its tags, digests and names go into registry URLs and daemon calls. An entry that fails is treated as absent.
 */
final class CacheEntryCheck {
    private CacheEntryCheck() {
    }

    /** Why the entry cannot be used, or null. */
    static String problem(CacheEntry e) {
        if (e.image() == null) {
            return "no image";
        }
        try {
            ImageName.parse(e.image());
        } catch (IllegalArgumentException ex) {
            return "image " + ReferenceGrammar.quote(e.image()) + " is not a valid image name";
        }
        if (e.image().contains(":") && e.image().lastIndexOf(':') > e.image().lastIndexOf('/')) {
            return "image " + ReferenceGrammar.quote(e.image()) + " is not a valid image name (it has a tag)";
        }
        if (e.tags().isEmpty()) {
            return "no tags";
        }
        for (String t : e.tags()) {
            if (!ReferenceGrammar.isTag(t)) {
                return "tag " + ReferenceGrammar.quote(t) + " is not a valid tag";
            }
        }
        if (e.digest() != null && !ReferenceGrammar.isDigest(e.digest())) {
            return "digest " + ReferenceGrammar.quote(e.digest()) + " is not a valid digest";
        }
        if (e.imageId() != null && e.imageId().codePoints().anyMatch(Character::isISOControl)) {
            return "imageId " + ReferenceGrammar.quote(e.imageId()) + " has control characters";
        }
        for (String dir : e.contextDirectories().keySet()) {
            if (dir.codePoints().anyMatch(Character::isISOControl)) {
                return "contextDirectories key " + ReferenceGrammar.quote(dir) + " has control characters";
            }
        }
        return null;
    }
}
