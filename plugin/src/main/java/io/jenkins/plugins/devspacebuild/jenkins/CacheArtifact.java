package io.jenkins.plugins.devspacebuild.jenkins;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;

/**
 * The name of the cache artifact of one devspace.yaml: {@code devspace-build-cache.json} for the default
 * {@code devspace.yaml} (as before), {@code devspace-build-cache-<path>.json} for another path, so that two calls with
 * different configurations in one build (e.g. in {@code parallel}) keep one cache each.
 */
final class CacheArtifact {
    private CacheArtifact() {
    }

    static String name(String config) {
        if (config == null || config.equals(StepOptions.DEFAULT_CONFIG)) {
            return BuildCache.FILE_NAME;
        }
        String base = BuildCache.FILE_NAME.substring(0, BuildCache.FILE_NAME.length() - ".json".length());
        return base + "-" + config.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }
}
