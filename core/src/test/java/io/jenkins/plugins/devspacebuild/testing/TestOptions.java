package io.jenkins.plugins.devspacebuild.testing;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Run options for tests, every field given in one call (tests state exactly what they run with). */
public final class TestOptions {
    private TestOptions() {
    }

    public static RunOptions of(Path configFile, Path projectRoot, Path cacheFile, BuildCache initialCache, Map<String, String> variables,
                                boolean forceBuild, boolean buildSequential, int maxParallel, boolean failFast, boolean skipPush, List<String> tags,
                                List<String> images) {
        try {
            return RunOptions.builder(configFile).projectRoot(projectRoot).cacheFile(cacheFile).initialCache(initialCache).variables(variables)
                    .forceBuild(forceBuild).buildSequential(buildSequential).maxParallel(maxParallel).failFast(failFast).skipPush(skipPush)
                    .tags(tags).images(images).build();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
