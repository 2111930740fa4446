package io.jenkins.plugins.devspacebuild.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Records each image in the cache as soon as it has built and pushed, so an image that built is kept even when
 * another fails or the run is cancelled. Writes are merged into the file under a lock ({@link CacheStore#merge}) and
 * batched: a record is written at once when nothing was written during the last {@code batch} interval, otherwise
 * with the others of that interval, at its end (so 1,000 images cost about one write per interval, not 1,000 whole
 * rewrites). Every write is atomic, so the file is never half-written; a process killed outright (SIGKILL, power
 * loss) loses at most the records of the last interval, which are then rebuilt. {@link #finish} writes what is
 * pending. Thread-safe.
 */
public final class CacheRecorder {
    public static final Duration DEFAULT_BATCH = Duration.ofSeconds(1);

    private final Path file;
    private final Duration batch;
    private BuildCache cache;
    private boolean dirty;
    private long lastWriteNanos;
    private boolean everWritten;
    private int writes;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> scheduled;
    private String problem;
    private boolean leftNewerVersion;

    /**
     * @param file    where the cache is written; null to keep it in memory only
     * @param initial the cache read at the start (its entries of other images are kept)
     */
    public CacheRecorder(Path file, BuildCache initial) {
        this(file, initial, DEFAULT_BATCH);
    }

    /** @param batch how long records may wait to be written together ({@link Duration#ZERO}: each at once) */
    public CacheRecorder(Path file, BuildCache initial, Duration batch) {
        this.file = file;
        // entries of an older format are not carried into the new file: they could never be compared again
        this.cache = initial.olderFormat() ? BuildCache.empty() : initial;
        this.batch = batch;
    }

    /** @throws IOException when an earlier (batched) write of this recorder failed; the entry is still kept in memory */
    public synchronized void record(String imageKey, CacheEntry entry) throws IOException {
        cache = cache.with(imageKey, entry);
        if (file == null) {
            return;
        }
        dirty = true;
        long sinceLast = System.nanoTime() - lastWriteNanos;
        if (!everWritten || sinceLast >= batch.toNanos()) {
            writeNow();
        } else if (scheduled == null) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "devspace-build-cache-writer");
                    t.setDaemon(true);
                    return t;
                });
            }
            scheduled = timer.schedule(this::writeScheduled, batch.toNanos() - sinceLast, TimeUnit.NANOSECONDS);
        }
        if (problem != null) {
            throw new IOException(problem);
        }
    }

    private synchronized void writeScheduled() {
        scheduled = null;
        try {
            writeNow();
        } catch (IOException e) {
            problem = e.getMessage();
        }
    }

    private void writeNow() throws IOException {
        if (!dirty || leftNewerVersion) {
            return;
        }
        lastWriteNanos = System.nanoTime();
        everWritten = true;
        dirty = false;
        writes++;
        if (CacheStore.merge(file, cache) == CacheStore.Merged.LEFT_NEWER_VERSION) {
            leftNewerVersion = true;
        }
    }

    /**
     * Writes what is pending and stops the write-behind timer.
     *
     * @return why the cache could not be written, when it could not
     */
    public synchronized Optional<String> finish() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (file != null) {
            try {
                writeNow();
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        return Optional.ofNullable(problem).map(p -> "the cache " + file + " could not be written (" + p + "); images built in this run "
                + "are rebuilt next time");
    }

    /** {@link #finish}, for tests and try-with-resources; a write failure is an exception. */
    public void close() throws IOException {
        Optional<String> p = finish();
        if (p.isPresent()) {
            throw new IOException(p.get());
        }
    }

    public synchronized BuildCache current() {
        return cache;
    }

    /** How many times the file was written (each a merge under the lock). */
    public synchronized int writes() {
        return writes;
    }

    public Path file() {
        return file;
    }
}
