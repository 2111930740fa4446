package io.jenkins.plugins.devspacebuild.cache;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cache document: per image key, its last successful build. Immutable; {@link #with} returns an updated copy.
 *
 * @param images       by image key
 * @param olderFormat  the document was written in an older format (its context hashes are not comparable): every image
 *                     is rebuilt once with the reason "cache format changed"
 */
public record BuildCache(Map<String, CacheEntry> images, boolean olderFormat) {
    /** 2: per-file digests are git blob ids (was: SHA-256 of the content). */
    public static final int VERSION = 2;
    public static final String FILE_NAME = "devspace-build-cache.json";

    public BuildCache {
        images = Collections.unmodifiableMap(new TreeMap<>(images));
    }

    public BuildCache(Map<String, CacheEntry> images) {
        this(images, false);
    }

    public static BuildCache empty() {
        return new BuildCache(Map.of());
    }

    public Optional<CacheEntry> get(String imageKey) {
        return Optional.ofNullable(images.get(imageKey));
    }

    public BuildCache with(String imageKey, CacheEntry entry) {
        Map<String, CacheEntry> m = new TreeMap<>(images);
        m.put(imageKey, entry);
        return new BuildCache(m, olderFormat);
    }
}
