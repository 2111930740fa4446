package io.jenkins.plugins.devspacebuild.cache;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records each image in the cache as soon as it has built and pushed, and writes the file each time (atomically), so
 * an image that built is kept even when another fails or the run is cancelled. Thread-safe.
 */
public final class CacheRecorder {
    private final Path file;
    private BuildCache cache;

    /**
     * @param file    where the cache is written; null to keep it in memory only
     * @param initial the cache read at the start (its entries of other images are kept)
     */
    public CacheRecorder(Path file, BuildCache initial) {
        this.file = file;
        this.cache = initial;
    }

    public synchronized void record(String imageKey, CacheEntry entry) throws IOException {
        BuildCache next = cache.with(imageKey, entry);
        if (file != null) {
            CacheStore.write(file, next);
        }
        cache = next;
    }

    public synchronized BuildCache current() {
        return cache;
    }

    public Path file() {
        return file;
    }
}
