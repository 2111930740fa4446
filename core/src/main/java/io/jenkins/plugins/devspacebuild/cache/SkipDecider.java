package io.jenkins.plugins.devspacebuild.cache;

import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Step 4c: compares an image's hashes with its cache entry. The first difference found is the reason, in this order:
 * forced, rebuildStrategy always, no earlier build, cache format changed, Dockerfile changed, build config changed, context changed (unless
 * rebuildStrategy ignoreContextChanges). No difference: skip.
 */
public final class SkipDecider {
    static final int MAX_PATHS = 5;

    private SkipDecider() {
    }

    public static Decision decide(ImageHashes now, Map<String, String> contextDirectories, Optional<CacheEntry> previous, RebuildStrategy strategy,
                                  boolean force) {
        return decide(now, contextDirectories, previous, false, strategy, force);
    }

    /** @param olderFormat the cache entry comes from a cache written in an older format (see {@link BuildCache#olderFormat()}) */
    public static Decision decide(ImageHashes now, Map<String, String> contextDirectories, Optional<CacheEntry> previous, boolean olderFormat,
                                  RebuildStrategy strategy, boolean force) {
        if (force) {
            return new Decision.Build(Decision.Reason.FORCED, null);
        }
        if (strategy == RebuildStrategy.ALWAYS) {
            return new Decision.Build(Decision.Reason.REBUILD_ALWAYS, null);
        }
        if (previous.isEmpty() || previous.get().tags().isEmpty()) {
            return new Decision.Build(Decision.Reason.NO_EARLIER_BUILD, null);
        }
        if (olderFormat) {
            return new Decision.Build(Decision.Reason.CACHE_FORMAT_CHANGED, null);
        }
        CacheEntry p = previous.get();
        if (!now.dockerfile().equals(p.dockerfileHash())) {
            return new Decision.Build(Decision.Reason.DOCKERFILE_CHANGED, null);
        }
        if (!now.config().equals(p.configHash())) {
            return new Decision.Build(Decision.Reason.CONFIG_CHANGED, null);
        }
        if (strategy != RebuildStrategy.IGNORE_CONTEXT_CHANGES && !now.context().equals(p.contextHash())) {
            return new Decision.Build(Decision.Reason.CONTEXT_CHANGED, changedPaths(p.contextDirectories(), contextDirectories));
        }
        return new Decision.Skip(p);
    }

    /** The directories whose direct entries differ (added, removed or changed), at most {@value #MAX_PATHS} named. */
    static String changedPaths(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String dir : all) {
            String a = before.get(dir);
            String b = after.get(dir);
            if (a == null || !a.equals(b)) {
                changed.add(dir.equals(".") ? "./" : dir + "/");
            }
        }
        if (changed.isEmpty()) {
            return null;
        }
        String shown = String.join(", ", changed.subList(0, Math.min(MAX_PATHS, changed.size())));
        return changed.size() > MAX_PATHS ? shown + " (+" + (changed.size() - MAX_PATHS) + " more)" : shown;
    }
}
