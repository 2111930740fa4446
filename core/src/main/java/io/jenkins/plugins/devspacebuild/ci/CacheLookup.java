package io.jenkins.plugins.devspacebuild.ci;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a CI build's cache comes from, in this order:
 * <ol>
 * <li>the current build, when an earlier step of it archived one;</li>
 * <li>the newest earlier build of the same job that archived one, looking at most {@value #MAX_BUILDS_BACK} builds
 * back (builds without it are passed over);</li>
 * <li>when the job has none (a new branch or pull request): the job named by {@code cacheFrom};</li>
 * <li>else the pull request's target branch ({@code CHANGE_TARGET}) of the same multibranch project.</li>
 * </ol>
 * A corrupt artifact is passed over with a note, like a missing one. The caller only hands in jobs the build's
 * authentication may read.
 */
public final class CacheLookup {
    public static final int MAX_BUILDS_BACK = 20;

    /**
     * The outcome.
     *
     * @param cache  the cache found, or empty
     * @param source one line for the log: where the cache came from, or why none was found
     * @param notes  artifacts passed over (corrupt, unreadable) and why
     */
    public record Found(BuildCache cache, String source, List<String> notes) {
        public Found {
            notes = List.copyOf(notes);
        }
    }

    private CacheLookup() {
    }

    /**
     * @param current      the running build, whose own artifact (from an earlier step) is looked at first; may be null
     * @param job          the job's earlier builds, newest first (without the running one)
     * @param cacheFrom    the job named by {@code cacheFrom}, when given and readable
     * @param changeTarget the pull request's target branch job, when this is a pull request and it is readable
     */
    public static Found find(JobHistory.BuildRecord current, JobHistory job, Optional<JobHistory> cacheFrom, Optional<JobHistory> changeTarget) {
        List<String> notes = new ArrayList<>();
        if (current != null) {
            Optional<BuildCache> c = read(current, notes);
            if (c.isPresent()) {
                return new Found(c.get(), "cache from this build (" + current.name() + "), written by an earlier step", notes);
            }
        }
        Optional<Found> own = newest(job, notes, "");
        if (own.isPresent()) {
            return own.get();
        }
        if (cacheFrom.isPresent()) {
            Optional<Found> f = newest(cacheFrom.get(), notes, " (cacheFrom)");
            if (f.isPresent()) {
                return f.get();
            }
        }
        if (changeTarget.isPresent()) {
            Optional<Found> f = newest(changeTarget.get(), notes, " (the pull request's target branch)");
            if (f.isPresent()) {
                return f.get();
            }
        }
        String where = job.name() + cacheFrom.map(j -> ", " + j.name()).orElse("") + changeTarget.map(j -> ", " + j.name()).orElse("");
        return new Found(BuildCache.empty(), "no cache found in the last " + MAX_BUILDS_BACK + " builds of " + where + ": every image is built",
                notes);
    }

    private static Optional<Found> newest(JobHistory job, List<String> notes, String why) {
        int seen = 0;
        for (JobHistory.BuildRecord b : job.builds()) {
            if (seen++ >= MAX_BUILDS_BACK) {
                break;
            }
            Optional<BuildCache> c = read(b, notes);
            if (c.isPresent()) {
                return Optional.of(new Found(c.get(), "cache from " + b.name() + why, notes));
            }
        }
        return Optional.empty();
    }

    private static Optional<BuildCache> read(JobHistory.BuildRecord b, List<String> notes) {
        Optional<String> text;
        try {
            text = b.cacheArtifact();
        } catch (IOException e) {
            notes.add("the cache artifact of " + b.name() + " cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        CacheStore.Loaded loaded = CacheStore.parse(text.get(), b.name());
        if (loaded.warning() != null) {
            notes.add(loaded.warning().replace(": every image is built", "; passed over"));
            return Optional.empty();
        }
        return Optional.of(loaded.cache());
    }
}
