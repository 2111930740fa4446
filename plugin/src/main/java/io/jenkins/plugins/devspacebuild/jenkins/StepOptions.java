package io.jenkins.plugins.devspacebuild.jenkins;

import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The options of the Jenkins step and build step, validated once, and turned into engine options. Paths are relative
 * to the workspace, which is the project root.
 *
 * @param config          devspace.yaml, relative to the workspace
 * @param forceBuild      build every image
 * @param buildSequential one at a time
 * @param maxParallel     0 = the default cap (by cores and builder kind)
 * @param failFast        cancel the others when one fails
 * @param skipPush        push nothing
 * @param images          image keys to build; empty = all
 * @param tags            tags for every image; empty = their own
 * @param builder         a {@link BuilderKind} run builder name for every image; null = each image's own
 * @param profiles        devspace.yaml profiles to apply, in order (as DevSpace's {@code -p}); empty = none besides the activated ones
 */
public record StepOptions(String config, boolean forceBuild, boolean buildSequential, int maxParallel, boolean failFast, boolean skipPush,
                          List<String> images, List<String> tags, String builder, List<String> profiles) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_CONFIG = "devspace.yaml";
    private static final Pattern TAG = Pattern.compile("[\\w#][\\w#.-]{0,127}");

    public StepOptions {
        config = config == null || config.isBlank() ? DEFAULT_CONFIG : config.strip();
        images = images == null ? List.of() : List.copyOf(images);
        tags = tags == null ? List.of() : List.copyOf(tags);
        builder = builder == null || builder.isBlank() ? null : builder.strip();
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** Without profiles. */
    public StepOptions(String config, boolean forceBuild, boolean buildSequential, int maxParallel, boolean failFast, boolean skipPush,
                       List<String> images, List<String> tags, String builder) {
        this(config, forceBuild, buildSequential, maxParallel, failFast, skipPush, images, tags, builder, List.of());
    }

    /** Without a builder override. */
    public StepOptions(String config, boolean forceBuild, boolean buildSequential, int maxParallel, boolean failFast, boolean skipPush,
                       List<String> images, List<String> tags) {
        this(config, forceBuild, buildSequential, maxParallel, failFast, skipPush, images, tags, null, List.of());
    }

    /** Every problem at once, as one message; empty when the options are fine. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (maxParallel < 0) {
            p.add("maxParallel must be 0 (the default cap) or more, not " + maxParallel);
        }
        if (Path.of(config).isAbsolute() || Path.of(config).normalize().startsWith("..")) {
            p.add("config '" + config + "' must be a path inside the workspace, e.g. devspace.yaml or services/devspace.yaml");
        }
        for (String i : images) {
            if (i == null || i.isBlank()) {
                p.add("images must not contain an empty name");
            }
        }
        for (String profile : profiles) {
            if (profile == null || profile.isBlank()) {
                p.add("profiles must not contain an empty name");
            }
        }
        try {
            BuilderKind.parseRunOption(builder);
        } catch (IllegalArgumentException e) {
            p.add(e.getMessage() + " (or leave it empty for each image's own)");
        }
        for (String t : tags) {
            if (t == null || !TAG.matcher(t).matches()) {
                p.add("tag '" + t + "' is not valid: use letters, digits, '_', '.', '-' and '#', at most 128");
            }
        }
        return p;
    }

    public void validate() throws ConfigException {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new ConfigException("devspaceBuild: " + String.join("; ", p));
        }
    }

    /**
     * @param workspace    the project root
     * @param cacheFile    where the engine writes the cache
     * @param initialCache the cache found by {@link CacheLookup}
     */
    public RunOptions toRunOptions(Path workspace, Path cacheFile, BuildCache initialCache) throws ConfigException {
        validate();
        return RunOptions.builder(workspace.resolve(config).normalize()).projectRoot(workspace).cacheFile(cacheFile).initialCache(initialCache)
                .forceBuild(forceBuild).buildSequential(buildSequential).maxParallel(maxParallel).failFast(failFast).skipPush(skipPush)
                .tags(tags).images(images).builder(builder).profiles(profiles).build();
    }
}
