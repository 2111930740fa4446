package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the engine, as the CLI's flags or the Jenkins step's options describe it. Immutable; made with
 * {@link #builder(Path)}, whose {@link Builder#build()} reports every problem at once.
 */
public final class RunOptions {
    private final Path configFile;
    private final Path projectRoot;
    private final Path cacheFile;
    private final BuildCache initialCache;
    private final Map<String, String> variables;
    private final boolean forceBuild;
    private final boolean buildSequential;
    private final int maxParallel;
    private final boolean failFast;
    private final boolean skipPush;
    private final List<String> tags;
    private final List<String> images;
    private final List<String> profiles;
    private final Optional<BuilderKind> builder;
    private final boolean pullSecrets;

    private RunOptions(Builder b) {
        configFile = b.configFile;
        projectRoot = b.projectRoot != null ? b.projectRoot : b.configFile.toAbsolutePath().getParent();
        cacheFile = b.cacheFile != null ? b.cacheFile : defaultCacheFile(b.configFile);
        initialCache = b.initialCache;
        variables = Map.copyOf(b.variables);
        forceBuild = b.forceBuild;
        buildSequential = b.buildSequential;
        maxParallel = b.maxParallel;
        failFast = b.failFast;
        skipPush = b.skipPush;
        tags = List.copyOf(b.tags);
        images = List.copyOf(b.images);
        profiles = List.copyOf(b.profiles);
        builder = b.builder;
        pullSecrets = b.pullSecrets;
    }

    /** Options for {@code configFile} (devspace.yaml); everything else has its default until set. */
    public static Builder builder(Path configFile) {
        return new Builder(configFile);
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(configFile).projectRoot(projectRoot).cacheFile(cacheFile).initialCache(initialCache).variables(variables)
                .forceBuild(forceBuild).buildSequential(buildSequential).maxParallel(maxParallel).failFast(failFast).skipPush(skipPush)
                .tags(tags).images(images).profiles(profiles).pullSecrets(pullSecrets);
        b.builder = builder;
        return b;
    }

    /** The default cache location: {@code .devspace/devspace-build-cache.json} next to devspace.yaml. */
    public static Path defaultCacheFile(Path configFile) {
        return configFile.toAbsolutePath().getParent().resolve(".devspace").resolve(BuildCache.FILE_NAME);
    }

    /** devspace.yaml. */
    public Path configFile() {
        return configFile;
    }

    /** The directory every Dockerfile and context must stay inside (default: the directory of devspace.yaml). */
    public Path projectRoot() {
        return projectRoot;
    }

    /** Where the cache is written (and read, unless {@link #initialCache()} is given). */
    public Path cacheFile() {
        return cacheFile;
    }

    /** A cache obtained elsewhere (the Jenkins artifact of an earlier build), or null to read {@link #cacheFile()}. */
    public BuildCache initialCache() {
        return initialCache;
    }

    /** {@code --var} values, looked up before the environment. */
    public Map<String, String> variables() {
        return variables;
    }

    /** Build every image. */
    public boolean forceBuild() {
        return forceBuild;
    }

    /** One image at a time. */
    public boolean buildSequential() {
        return buildSequential;
    }

    /** At most this many builds at once; 0 = the default ({@link Parallelism}). */
    public int maxParallel() {
        return maxParallel;
    }

    /** Cancel the other builds when one fails. */
    public boolean failFast() {
        return failFast;
    }

    /** Push nothing. */
    public boolean skipPush() {
        return skipPush;
    }

    /** Tags for every image, instead of their own; empty = their own. */
    public List<String> tags() {
        return tags;
    }

    /** Only these image keys; empty = all. */
    public List<String> images() {
        return images;
    }

    /** devspace.yaml profiles to apply, in order ({@code -p}); empty = none besides the activated ones. */
    public List<String> profiles() {
        return profiles;
    }

    /** Build every image with this builder instead of its own; empty = its own. */
    public Optional<BuilderKind> builder() {
        return builder;
    }

    /** Create image pull secrets (when a cluster is configured). */
    public boolean pullSecrets() {
        return pullSecrets;
    }

    /** Collects options; {@link #build()} checks them all and reports every problem in one message. */
    public static final class Builder {
        private final Path configFile;
        private Path projectRoot;
        private Path cacheFile;
        private BuildCache initialCache;
        private Map<String, String> variables = Map.of();
        private boolean forceBuild;
        private boolean buildSequential;
        private int maxParallel;
        private boolean failFast;
        private boolean skipPush;
        private List<String> tags = List.of();
        private List<String> images = List.of();
        private List<String> profiles = List.of();
        private Optional<BuilderKind> builder = Optional.empty();
        private String badBuilder;
        private boolean pullSecrets = true;

        private Builder(Path configFile) {
            this.configFile = configFile;
        }

        public Builder projectRoot(Path v) {
            projectRoot = v;
            return this;
        }

        public Builder cacheFile(Path v) {
            cacheFile = v;
            return this;
        }

        public Builder initialCache(BuildCache v) {
            initialCache = v;
            return this;
        }

        public Builder variables(Map<String, String> v) {
            variables = v == null ? Map.of() : new LinkedHashMap<>(v);
            return this;
        }

        public Builder forceBuild(boolean v) {
            forceBuild = v;
            return this;
        }

        public Builder buildSequential(boolean v) {
            buildSequential = v;
            return this;
        }

        public Builder maxParallel(int v) {
            maxParallel = v;
            return this;
        }

        public Builder failFast(boolean v) {
            failFast = v;
            return this;
        }

        public Builder skipPush(boolean v) {
            skipPush = v;
            return this;
        }

        public Builder tags(List<String> v) {
            tags = v == null ? List.of() : new ArrayList<>(v);
            return this;
        }

        public Builder images(List<String> v) {
            images = v == null ? List.of() : new ArrayList<>(v);
            return this;
        }

        public Builder profiles(List<String> v) {
            profiles = v == null ? List.of() : new ArrayList<>(v);
            return this;
        }

        public Builder builder(BuilderKind v) {
            builder = Optional.ofNullable(v);
            badBuilder = null;
            return this;
        }

        /** The builder as a user wrote it (blank = each image's own); a name that is no run builder is reported by {@link #build}. */
        public Builder builder(String name) {
            try {
                builder = BuilderKind.parseRunOption(name);
                badBuilder = null;
            } catch (IllegalArgumentException e) {
                builder = Optional.empty();
                badBuilder = e.getMessage();
            }
            return this;
        }

        public Builder pullSecrets(boolean v) {
            pullSecrets = v;
            return this;
        }

        /** The options, or a {@link ConfigException} naming every problem. */
        public RunOptions build() throws ConfigException {
            List<String> problems = new ArrayList<>();
            if (configFile == null) {
                problems.add("the devspace.yaml to use is not given");
            }
            if (maxParallel < 0) {
                problems.add("maxParallel must be 0 (the default) or more, not " + maxParallel);
            }
            if (badBuilder != null) {
                problems.add(badBuilder);
            }
            if (builder.isPresent() && !builder.get().forRun()) {
                problems.add("builder '" + builder.get() + "' cannot build a whole run; use " + BuilderKind.runKindNames());
            }
            if (images.stream().anyMatch(i -> i == null || i.isBlank())) {
                problems.add("images must not contain an empty name");
            }
            if (profiles.stream().anyMatch(p -> p == null || p.isBlank())) {
                problems.add("profiles must not contain an empty name");
            }
            if (tags.stream().anyMatch(t -> t == null || t.isBlank())) {
                problems.add("tags must not contain an empty tag");
            }
            if (variables.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)) {
                problems.add("variables need a name and a value");
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(String.join("; ", problems));
            }
            return new RunOptions(this);
        }
    }
}
