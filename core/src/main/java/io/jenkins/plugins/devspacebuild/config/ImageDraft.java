package io.jenkins.plugins.devspacebuild.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One image being read: the fields both schema families share, read field by field so that every problem of the
 * image is reported (each failed field is recorded in the file's problems and reading goes on). The family mappers
 * fill in the rest and call {@link #build()}.
 */
final class ImageDraft {
    private static final Pattern TAG_TEMPLATE = Pattern.compile("[\\w#][\\w#.-]{0,127}");
    /** Image keys of DevSpace that concern development mode, not building: accepted and ignored. */
    private static final Set<String> DEV_ONLY_IMAGE_KEYS = Set.of("preferSyncOverRebuild", "injectRestartHelper", "restartHelperPath",
            "restartHelperSource", "injectLegacyRestartHelper");

    final String key;
    final YamlMapping m;
    final ProjectPaths paths;
    final Problems problems;
    ImageName image;
    List<String> tags = List.of();
    Path dockerfile;
    Path context;
    List<String> entrypoint;
    List<String> cmd;
    List<String> append = List.of();
    Map<String, String> buildArgs = Map.of();
    String target;
    String network;
    RebuildStrategy rebuild = RebuildStrategy.DEFAULT;
    boolean skipPush;
    boolean createPullSecret = true;
    BuilderSpec builder = DockerSpec.DEFAULT;
    boolean builderDeclared;
    boolean disabled;

    ImageDraft(String key, YamlMapping m, ProjectPaths paths) {
        this.key = key;
        this.m = m;
        this.paths = paths;
        this.problems = m.source().problems();
    }

    void readCommon() {
        problems.attempt(this::readImage);
        problems.attempt(this::readTags);
        problems.attempt(() -> entrypoint = m.stringList("entrypoint", "[\"/app/server\", \"--port\", \"8080\"]"));
        problems.attempt(() -> cmd = m.stringList("cmd", "[\"--verbose\"]"));
        problems.attempt(() -> append = BuilderBlockReader.orEmpty(m.stringList("appendDockerfileInstructions", "[\"USER 1000\"]")));
        problems.attempt(() -> {
            String rs = m.string("rebuildStrategy");
            if (rs != null) {
                rebuild = RebuildStrategy.fromYaml(rs).orElseThrow(() -> new ConfigException(m.keyLocation("rebuildStrategy"),
                        m.child("rebuildStrategy"), "'" + rs + "' is not valid; use one of " + RebuildStrategy.choices()));
            }
        });
        problems.attempt(() -> createPullSecret = m.bool("createPullSecret", true));
        problems.attempt(() -> context = paths.resolveInside(m, "context", m.string("context", "./"), true, true));
        problems.attempt(() -> dockerfile = paths.resolveInside(m, "dockerfile", m.string("dockerfile", "./Dockerfile"), false, false));
        m.ignore(DEV_ONLY_IMAGE_KEYS.toArray(String[]::new));
    }

    private void readImage() throws ConfigException {
        String img = m.string("image");
        if (img == null || img.isBlank()) {
            throw new ConfigException(m.location(), m.child("image"), "is required: name the image to build, e.g. image: registry.example.com/team/"
                    + key);
        }
        try {
            image = ImageName.parse(img);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(m.keyLocation("image"), m.child("image"), e.getMessage());
        }
    }

    private void readTags() throws ConfigException {
        Set<String> t = new LinkedHashSet<>();
        List<String> listed = m.stringList("tags", "[\"latest\", \"${BUILD_NUMBER}\"]");
        if (listed != null) {
            for (int i = 0; i < listed.size(); i++) {
                String tag = listed.get(i);
                if (!TAG_TEMPLATE.matcher(tag).matches()) {
                    throw new ConfigException(m.keyLocation("tags"), m.child("tags") + "[" + i + "]", "'" + tag + "' is not a valid tag: "
                            + "use letters, digits, '_', '.', '-' and '#' (a random character), at most 128");
                }
                t.add(tag);
            }
        }
        tags = new ArrayList<>(t);
    }

    /** {@code options{target, network, buildArgs}} of the older shape's builder blocks. */
    void readOptions(YamlMapping options) throws ConfigException {
        if (options == null) {
            return;
        }
        problems.attempt(() -> target = options.string("target"));
        problems.attempt(() -> network = options.string("network"));
        problems.attempt(() -> buildArgs = BuilderBlockReader.orEmpty(options.stringMap("buildArgs")));
        options.rejectUnknown(Set.of());
    }

    void readBuilder(YamlMapping holder) {
        problems.attempt(() -> {
            BuilderSpec b = BuilderBlockReader.read(holder, image);
            if (b != null) {
                builder = b;
                builderDeclared = true;
            }
        });
    }

    /** The image, or null when a problem was recorded for it. */
    ImageConfig build() {
        if (image == null || context == null || dockerfile == null) {
            return null;
        }
        if (!Files.isRegularFile(dockerfile) && !(builder instanceof CustomSpec) && !disabled) {
            String shown = m.has("dockerfile") ? "" : " (the default ./Dockerfile)";
            problems.add(new ConfigException(m.has("dockerfile") ? m.keyLocation("dockerfile") : m.location(), m.child("dockerfile"),
                    paths.display(dockerfile) + shown + (Files.isDirectory(dockerfile) ? " is a directory, not a regular file; set 'dockerfile' to "
                            + "the Dockerfile itself" : Files.exists(dockerfile) ? " is not a regular file (a FIFO, socket or device); set "
                            + "'dockerfile' to a regular file" : " does not exist; create it or set 'dockerfile' to the image's Dockerfile")));
            return null;
        }
        List<String> allTags = new ArrayList<>();
        if (image.tag() != null) {
            allTags.add(image.tag());
        }
        tags.stream().filter(t -> !allTags.contains(t)).forEach(allTags::add);
        RebuildStrategy strategy = rebuild;
        if (builder instanceof CustomSpec c && c.onChange().isEmpty()) {
            // DevSpace: a custom builder without onChange has nothing to compare, so it always rebuilds
            strategy = RebuildStrategy.ALWAYS;
        }
        return new ImageConfig(key, image, allTags, dockerfile, context, entrypoint, cmd, append, buildArgs, target, network, strategy,
                skipPush, createPullSecret, builder, builderDeclared, disabled, m.location());
    }
}
