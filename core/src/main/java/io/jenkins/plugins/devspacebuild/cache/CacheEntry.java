package io.jenkins.plugins.devspacebuild.cache;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cache remembers of an image's last successful build.
 *
 * @param image              the repository it was pushed to (as written in devspace.yaml)
 * @param tags               the tags it was given; the first is the one published
 * @param digest             the pushed manifest digest ({@code sha256:...}); null when it was not pushed or is unknown
 * @param imageId            the image id in the builder's daemon, or the tarball written, when known; else null
 * @param dockerfileHash     see {@link ImageHashes}
 * @param contextHash        see {@link ImageHashes}
 * @param configHash         see {@link ImageHashes}
 * @param builder            the builder that built it
 * @param builtAt            ISO-8601 instant
 * @param contextDirectories per-directory digests, to name what changed next time
 */
public record CacheEntry(String image, List<String> tags, String digest, String imageId, String dockerfileHash, String contextHash,
                         String configHash, String builder, String builtAt, Map<String, String> contextDirectories) {

    public CacheEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
        contextDirectories = contextDirectories == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(contextDirectories));
    }
}
