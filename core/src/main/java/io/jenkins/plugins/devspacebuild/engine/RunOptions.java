package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of the engine, as the CLI's flags or the Jenkins step's options describe it.
 *
 * @param configFile      devspace.yaml
 * @param projectRoot     the directory every Dockerfile and context must stay inside
 * @param cacheFile       where the cache is written (and read, unless {@code initialCache} is given)
 * @param initialCache    a cache obtained elsewhere (the Jenkins artifact of an earlier build), or null to read cacheFile
 * @param variables       --var values, looked up before the environment
 * @param forceBuild      build every image
 * @param buildSequential one image at a time
 * @param maxParallel     at most this many builds at once; 0 = all
 * @param failFast        cancel the other builds when one fails
 * @param skipPush        push nothing
 * @param tags            tags for every image, instead of their own; empty = their own
 * @param images          only these image keys; empty = all
 * @param builder         build every image with this builder (docker, kaniko, embedded) instead of its own; null = its own
 * @param pullSecrets     create image pull secrets (when a cluster is configured)
 * @param profiles        devspace.yaml profiles to apply, in order (-p); empty = none besides activated ones
 */
public record RunOptions(Path configFile, Path projectRoot, Path cacheFile, BuildCache initialCache, Map<String, String> variables,
                         boolean forceBuild, boolean buildSequential, int maxParallel, boolean failFast, boolean skipPush, List<String> tags,
                         List<String> images, String builder, boolean pullSecrets, List<String> profiles) {

    /** The options every front end starts from: the image's own builder, pull secrets created. */
    public RunOptions(Path configFile, Path projectRoot, Path cacheFile, BuildCache initialCache, Map<String, String> variables,
                      boolean forceBuild, boolean buildSequential, int maxParallel, boolean failFast, boolean skipPush, List<String> tags,
                      List<String> images) {
        this(configFile, projectRoot, cacheFile, initialCache, variables, forceBuild, buildSequential, maxParallel, failFast, skipPush, tags,
                images, null, true, List.of());
    }

    public RunOptions withBuilder(String b, boolean createPullSecrets) {
        return new RunOptions(configFile, projectRoot, cacheFile, initialCache, variables, forceBuild, buildSequential, maxParallel, failFast,
                skipPush, tags, images, b, createPullSecrets, profiles);
    }

    /** The same options with these devspace.yaml profiles applied, in order. */
    public RunOptions withProfiles(List<String> p) {
        return new RunOptions(configFile, projectRoot, cacheFile, initialCache, variables, forceBuild, buildSequential, maxParallel, failFast,
                skipPush, tags, images, builder, pullSecrets, p);
    }


    public RunOptions {
        variables = Map.copyOf(variables);
        tags = List.copyOf(tags);
        images = List.copyOf(images);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        if (maxParallel < 0) {
            throw new IllegalArgumentException("maxParallel must be 0 (all) or more");
        }
    }

    /** The default cache location: {@code .devspace/devspace-build-cache.json} next to devspace.yaml. */
    public static Path defaultCacheFile(Path configFile) {
        return configFile.toAbsolutePath().getParent().resolve(".devspace").resolve(BuildCache.FILE_NAME);
    }

    /** How many builds may run at once for {@code count} images to build. */
    public int parallelism(int count) {
        if (buildSequential) {
            return 1;
        }
        int n = maxParallel == 0 ? count : Math.min(maxParallel, count);
        return Math.max(1, n);
    }
}
