package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads devspace.yaml into a {@link ProjectConfig}. Accepts the seed-era image shape ({@code v1beta9}–{@code v1beta11},
 * builders under {@code build:}) and the current one ({@code v2beta1}, builders on the image). Only {@code version},
 * {@code vars} and {@code images} are read; DevSpace's other sections (deployments, dev, hooks, ...) are ignored.
 */
public final class ConfigLoader {

    /**
     * What to load.
     *
     * @param configFile  devspace.yaml
     * @param projectRoot every Dockerfile and context must resolve inside it (the Jenkins workspace; for the CLI --root)
     * @param variables   explicit variables (--var), looked up first
     * @param environment the build's environment, looked up second
     */
    public record Request(Path configFile, Path projectRoot, Map<String, String> variables, Map<String, String> environment) {
        public Request {
            variables = Map.copyOf(variables);
            environment = Map.copyOf(environment);
        }
    }

    private static final Set<String> LEGACY_VERSIONS = Set.of("v1beta9", "v1beta10", "v1beta11");
    private static final String CURRENT_VERSION = "v2beta1";
    private static final Pattern TAG_TEMPLATE = Pattern.compile("[\\w#][\\w#.-]{0,127}");

    /** Image keys of DevSpace that concern development mode, not building: accepted and ignored. */
    private static final Set<String> DEV_ONLY_IMAGE_KEYS = Set.of("preferSyncOverRebuild", "injectRestartHelper", "restartHelperPath",
            "restartHelperSource", "injectLegacyRestartHelper");

    private final Request request;
    private final List<String> warnings = new ArrayList<>();
    private SourceFile source;
    private Path configDir;
    private Path root;
    private Path realRoot;

    private ConfigLoader(Request request) {
        this.request = request;
    }

    public static ProjectConfig load(Request request) throws ConfigException {
        return new ConfigLoader(request).load();
    }

    private ProjectConfig load() throws ConfigException {
        root = request.projectRoot().toAbsolutePath().normalize();
        Path file = request.configFile().toAbsolutePath().normalize();
        String display = file.startsWith(root) && !file.equals(root) ? root.relativize(file).toString() : file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(display + ": no such file; give the devspace.yaml to use with -f FILE (step option 'config')");
        }
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new ConfigException("project root " + root + " does not exist; pass an existing directory with --root");
        }
        configDir = file.getParent();
        if (!file.startsWith(root)) {
            throw new ConfigException(display + ": the file is outside the project root " + root + "; pass --root to a directory that contains it");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigException(display + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(display + ": cannot be read (" + e.getMessage() + "); check its permissions");
        }
        Variables variables = new Variables(request.variables(), request.environment(), GitInfo.find(configDir));
        source = new SourceFile(display, variables);

        Node top = compose(text, display);
        if (top == null) {
            throw new ConfigException(display + ": the file is empty; it needs at least an 'images' section");
        }
        YamlMapping doc = YamlMapping.of("", top, source);
        String version = doc.string("version");
        boolean legacy;
        if (version == null) {
            legacy = anyImageHasBuildBlock(doc);
            version = legacy ? "v1beta11" : CURRENT_VERSION;
            warnings.add(display + ": no 'version' given; reading it as " + version);
        } else if (LEGACY_VERSIONS.contains(version)) {
            legacy = true;
        } else if (CURRENT_VERSION.equals(version)) {
            legacy = false;
        } else {
            throw new ConfigException(doc.keyLocation("version"), "version", "'" + version + "' is not supported; devspace-build reads "
                    + "v1beta9, v1beta10, v1beta11 and v2beta1 (convert older files with 'devspace print' from a DevSpace release that reads them)");
        }
        readVars(doc, variables);

        Map<String, ImageConfig> images = new LinkedHashMap<>();
        YamlMapping imagesNode = doc.mapping("images");
        if (imagesNode == null) {
            throw new ConfigException(doc.location(), "images", "no images are defined; add an 'images' section with at least one image");
        }
        for (String key : imagesNode.keys()) {
            YamlMapping m = imagesNode.mapping(key);
            if (m == null) {
                throw new ConfigException(imagesNode.keyLocation(key), "images." + key, "the image has no settings; give it at least 'image: <name>'");
            }
            ImageConfig read = legacy ? readLegacyImage(key, m) : readCurrentImage(key, m);
            images.put(key, DevModeImageFields.apply(read, m, doc, version, legacy, configDir));
        }
        if (images.isEmpty()) {
            throw new ConfigException(imagesNode.location(), "images", "no images are defined; add at least one image");
        }
        if (doc.has("profiles")) {
            warnings.add(display + ": 'profiles' are not applied by devspace-build; images are built as defined under 'images'");
        }
        return new ProjectConfig(file, root, version, images, warnings);
    }

    private static Node compose(String text, String display) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        options.setCodePointLimit(16 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Node n = yaml.compose(new StringReader(text));
            rejectDuplicateKeys(n, display, new java.util.IdentityHashMap<>());
            if (n instanceof MappingNode m) {
                new MergeFlattener(options).flatten(m);
            }
            return n;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? Location.of(display) : new Location(display, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new ConfigException(at + ": malformed YAML: " + problem + context
                    + "; check the indentation and quoting around this line");
        } catch (YAMLException e) {
            throw new ConfigException(display + ": malformed YAML: " + e.getMessage());
        }
    }

    /** Duplicate keys are an error (before merge keys are resolved, which would silently keep the last one). */
    private static void rejectDuplicateKeys(Node n, String display, java.util.Map<Node, Boolean> seen) throws ConfigException {
        if (n == null || seen.put(n, Boolean.TRUE) != null) {
            return;
        }
        if (n instanceof MappingNode m) {
            Set<String> keys = new java.util.HashSet<>();
            for (var t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && !k.getValue().equals("<<") && !keys.add(k.getValue())) {
                    Mark mark = k.getStartMark();
                    throw new ConfigException(new Location(display, mark.getLine() + 1, mark.getColumn() + 1), k.getValue(),
                            "duplicate key; remove one of the two");
                }
                rejectDuplicateKeys(t.getValueNode(), display, seen);
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                rejectDuplicateKeys(item, display, seen);
            }
        }
    }

    /** Resolves YAML merge keys ({@code <<: *anchor}) in place, as DevSpace's YAML library does. */
    private static final class MergeFlattener extends SafeConstructor {
        MergeFlattener(LoaderOptions options) {
            super(options);
        }

        void flatten(MappingNode node) {
            flattenMapping(node);
            for (var t : node.getValue()) {
                flattenAll(t.getValueNode());
            }
        }

        private void flattenAll(Node n) {
            if (n instanceof MappingNode m) {
                flatten(m);
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(this::flattenAll);
            }
        }
    }

    private static boolean anyImageHasBuildBlock(YamlMapping doc) {
        Node images = doc.node("images");
        if (images instanceof MappingNode m) {
            return m.getValue().stream().anyMatch(t -> t.getValueNode() instanceof MappingNode im
                    && im.getValue().stream().anyMatch(e -> e.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
                    && k.getValue().equals("build")));
        }
        return false;
    }

    /** {@code vars}: v1beta* list of {name, default, value, source}; v2beta1 map of name to value or to such a mapping. */
    private void readVars(YamlMapping doc, Variables variables) throws ConfigException {
        Node vars = doc.node("vars");
        if (vars == null) {
            return;
        }
        if (vars instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                YamlMapping v = YamlMapping.of("vars[" + i++ + "]", item, source);
                String name = v.string("name");
                if (name == null) {
                    throw new ConfigException(v.location(), v.path(), "a variable needs a 'name'");
                }
                readVarDefinition(v, name, variables);
            }
        } else {
            YamlMapping map = YamlMapping.of("vars", vars, source);
            for (String name : map.keys()) {
                Node n = map.node(name);
                if (n instanceof MappingNode) {
                    readVarDefinition(YamlMapping.of("vars." + name, n, source), name, variables);
                } else if (n != null && !variables.isDefinedOutsideConfig(name)) {
                    variables.defineFromConfig(name, map.scalar("vars." + name, n));
                }
            }
        }
    }

    private void readVarDefinition(YamlMapping v, String name, Variables variables) throws ConfigException {
        if (v.has("command") || v.has("commands")) {
            if (!variables.isDefinedOutsideConfig(name)) {
                throw new ConfigException(v.keyLocation(v.has("command") ? "command" : "commands"), v.path(),
                        "variables computed by a command are not run by devspace-build; set " + name
                                + " in the environment or pass --var " + name + "=VALUE");
            }
            v.ignore("command", "commands", "args");
        }
        v.ignore("question", "options", "password", "validationPattern", "validationMessage", "noCache", "alwaysResolve", "source",
                "name");
        if (variables.isDefinedOutsideConfig(name)) {
            v.ignore("value", "default");
            return;
        }
        String value = v.string("value");
        String dflt = v.string("default");
        if (value != null) {
            variables.defineFromConfig(name, value);
        } else if (dflt != null) {
            variables.defineFromConfig(name, dflt);
        }
    }

    // ------------------------------------------------------------------ images

    /** Shared fields of both shapes; returns the builder-independent part. */
    private final class ImageFields {
        final String key;
        final YamlMapping m;
        ImageName image;
        List<String> tags = new ArrayList<>();
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
        Location dockerfileLocation;

        ImageFields(String key, YamlMapping m) {
            this.key = key;
            this.m = m;
        }

        void readCommon() throws ConfigException {
            String img = m.string("image");
            if (img == null || img.isBlank()) {
                throw new ConfigException(m.location(), m.path() + ".image", "is required: name the image to build, e.g. image: registry.example.com/team/"
                        + key);
            }
            try {
                image = ImageName.parse(img);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(m.keyLocation("image"), m.path() + ".image", e.getMessage());
            }
            Set<String> t = new LinkedHashSet<>();
            if (image.tag() != null) {
                t.add(image.tag());
            }
            List<String> listed = m.stringList("tags", "[\"latest\", \"${BUILD_NUMBER}\"]");
            if (listed != null) {
                for (int i = 0; i < listed.size(); i++) {
                    String tag = listed.get(i);
                    if (!TAG_TEMPLATE.matcher(tag).matches()) {
                        throw new ConfigException(m.keyLocation("tags"), m.path() + ".tags[" + i + "]", "'" + tag + "' is not a valid tag: "
                                + "use letters, digits, '_', '.', '-' and '#' (a random character), at most 128");
                    }
                    t.add(tag);
                }
            }
            tags = new ArrayList<>(t);
            entrypoint = m.stringList("entrypoint", "[\"/app/server\", \"--port\", \"8080\"]");
            cmd = m.stringList("cmd", "[\"--verbose\"]");
            List<String> a = m.stringList("appendDockerfileInstructions", "[\"USER 1000\"]");
            append = a == null ? List.of() : a;
            String rs = m.string("rebuildStrategy");
            if (rs != null) {
                rebuild = RebuildStrategy.fromYaml(rs).orElseThrow(() -> new ConfigException(m.keyLocation("rebuildStrategy"),
                        m.path() + ".rebuildStrategy", "'" + rs + "' is not valid; use one of " + RebuildStrategy.choices()));
            }
            createPullSecret = m.bool("createPullSecret", true);
            dockerfileLocation = m.keyLocation("dockerfile");
            String df = m.string("dockerfile", "./Dockerfile");
            String ctx = m.string("context", "./");
            context = resolveInside(m, "context", ctx, true, true);
            dockerfile = resolveInside(m, "dockerfile", df, false, false);
            m.ignore(DEV_ONLY_IMAGE_KEYS.toArray(String[]::new));
        }

        void readOptions(YamlMapping options) throws ConfigException {
            if (options == null) {
                return;
            }
            target = options.string("target");
            network = options.string("network");
            Map<String, String> ba = options.stringMap("buildArgs");
            buildArgs = ba == null ? Map.of() : ba;
            options.rejectUnknown(Set.of());
        }

        void checkDockerfile() throws ConfigException {
            if (!Files.isRegularFile(dockerfile) && !(builder instanceof CustomSpec)) {
                String shown = m.has("dockerfile") ? "" : " (the default ./Dockerfile)";
                throw new ConfigException(m.has("dockerfile") ? dockerfileLocation : m.location(), m.path() + ".dockerfile",
                        display(dockerfile) + shown + " does not exist; create it or set 'dockerfile' to the image's Dockerfile");
            }
        }

        ImageConfig build() throws ConfigException {
            checkDockerfile();
            return new ImageConfig(key, image, tags, dockerfile, context, entrypoint, cmd, append, buildArgs, target, network, rebuild,
                    skipPush, createPullSecret, builder, builderDeclared, disabled, m.location());
        }
    }

    private ImageConfig readLegacyImage(String key, YamlMapping m) throws ConfigException {
        ImageFields f = new ImageFields(key, m);
        f.readCommon();
        YamlMapping build = m.mapping("build");
        if (build != null) {
            f.disabled = build.bool("disabled", false);
            // the seed-era shape keeps skipPush and options{target, network, buildArgs} inside the builder block
            YamlMapping docker = build.has("docker") ? build.mapping("docker") : build.has("buildKit") ? build.mapping("buildKit") : null;
            if (docker != null) {
                f.skipPush = docker.bool("skipPush", false);
                f.readOptions(docker.mapping("options"));
            } else if (build.has("kaniko")) {
                f.readOptions(build.mapping("kaniko").mapping("options"));
            }
            readBuilderBlock(f, build);
            build.rejectUnknown(Set.of());
        }
        if (m.has("buildArgs") || m.has("target") || m.has("network") || m.has("docker") || m.has("kaniko")) {
            String k = m.has("buildArgs") ? "buildArgs" : m.has("target") ? "target" : m.has("network") ? "network"
                    : m.has("docker") ? "docker" : "kaniko";
            throw new ConfigException(m.keyLocation(k), m.path() + "." + k, "is a " + CURRENT_VERSION + " field, but this file is "
                    + "the older shape; move it under build.docker.options (or build.docker), or set version: " + CURRENT_VERSION);
        }
        m.rejectUnknown(Set.of());
        return f.build();
    }

    private ImageConfig readCurrentImage(String key, YamlMapping m) throws ConfigException {
        ImageFields f = new ImageFields(key, m);
        f.readCommon();
        f.target = m.string("target");
        f.network = m.string("network");
        Map<String, String> ba = m.stringMap("buildArgs");
        f.buildArgs = ba == null ? Map.of() : ba;
        f.skipPush = m.bool("skipPush", false);
        if (m.has("build")) {
            throw new ConfigException(m.keyLocation("build"), m.path() + ".build", "'build' belongs to the older shape (v1beta*); in "
                    + CURRENT_VERSION + " put docker, kaniko or custom directly on the image, or set version: v1beta11");
        }
        readBuilderBlock(f, m);
        if (m.has("localRegistry")) {
            warnings.add(m.keyLocation("localRegistry") + ": " + m.path() + ".localRegistry is ignored (devspace-build pushes to the "
                    + "registry named in 'image')");
            m.ignore("localRegistry");
        }
        m.rejectUnknown(Set.of());
        return f.build();
    }

    /** The one builder block of {@code holder} (the image, or the older shape's {@code build}), if any. */
    private void readBuilderBlock(ImageFields f, YamlMapping holder) throws ConfigException {
        List<String> declared = declaredBuilders(holder);
        if (declared.size() > 1) {
            throw new ConfigException(holder.location(), holder.path(), "more than one builder (" + String.join(", ", declared)
                    + "); keep one of them");
        }
        if (declared.isEmpty()) {
            holder.ignore("docker", "kaniko", "custom", "embedded");
            return;
        }
        YamlMapping block = holder.mapping(declared.get(0));
        f.builder = switch (declared.get(0)) {
            case "docker" -> readDocker(block);
            case "kaniko" -> readKaniko(block);
            case "custom" -> readCustom(block);
            case "buildKit" -> BuildKitSpec.read(block);
            default -> readEmbedded(block);
        };
        f.builderDeclared = true;
    }

    private static List<String> declaredBuilders(YamlMapping m) {
        List<String> out = new ArrayList<>();
        for (String b : List.of("docker", "kaniko", "custom", "embedded", "buildKit")) {
            if (m.has(b)) {
                out.add(b);
            }
        }
        return out;
    }

    private DockerSpec readDocker(YamlMapping d) throws ConfigException {
        DockerSpec spec = new DockerSpec(d.bool("disableFallback", false), d.bool("useBuildKit", false), d.bool("useCli", false),
                orEmpty(d.stringList("args", "[\"--pull\"]")), d.bool("preferMinikube", false));
        d.rejectUnknown(Set.of("skipPush", "options"));
        return spec;
    }

    private KanikoSpec readKaniko(YamlMapping k) throws ConfigException {
        Duration timeout = null;
        String t = k.string("timeout");
        if (t != null) {
            timeout = parseDuration(t).orElseThrow(() -> new ConfigException(k.keyLocation("timeout"), k.child("timeout"),
                    "'" + t + "' is not a duration; write e.g. 20m, 90s or 1h"));
        }
        KanikoSpec spec = new KanikoSpec(
                k.bool("cache", true),
                k.string("cacheRepo"),
                k.string("snapshotMode"),
                k.string("image"),
                k.string("initImage"),
                orEmpty(k.stringList("args", "[\"--verbosity=info\"]")),
                orEmpty(k.stringList("command", "[\"/kaniko/executor\"]")),
                k.string("namespace"),
                k.bool("insecure", false),
                k.string("pullSecret"),
                k.bool("skipPullSecretMount", false),
                orEmpty(k.stringMap("nodeSelector")),
                plainList(k, "tolerations"),
                k.string("serviceAccount"),
                orEmpty(k.stringMap("annotations")),
                orEmpty(k.stringMap("labels")),
                orEmpty(k.stringMap("initEnv")),
                orEmpty(k.stringMap("env")),
                plainList(k, "envFrom"),
                plainList(k, "additionalMounts"),
                plainMap(k, "resources"),
                timeout);
        k.rejectUnknown(Set.of("options", "generateName"));
        return spec;
    }

    private CustomSpec readCustom(YamlMapping c) throws ConfigException {
        String command = c.string("command");
        Node commands = c.node("commands");
        if (commands instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                YamlMapping cm = YamlMapping.of(c.child("commands") + "[" + i++ + "]", item, source);
                String os = cm.string("os", "");
                String cmd = cm.string("command");
                cm.rejectUnknown(Set.of());
                if (cmd != null && (os.isEmpty() || os.toLowerCase(Locale.ROOT).equals("linux") || os.equals(osName()))) {
                    command = cmd;
                }
            }
        } else if (commands != null) {
            throw new ConfigException(source.at(commands), c.child("commands"), "expected a list of {command, os}");
        }
        if (command == null || command.isBlank()) {
            throw new ConfigException(c.location(), c.child("command"), "is required: the command that builds the image");
        }
        CustomSpec spec = new CustomSpec(command, orEmpty(c.stringList("args", "[\"--flag\"]")), orEmpty(c.stringList("appendArgs",
                "[\"--push\"]")), c.string("imageFlag"), c.bool("imageTagOnly", false), c.bool("skipImageArg", false),
                orEmpty(c.stringList("onChange", "[\"./src/**\"]")));
        c.rejectUnknown(Set.of());
        return spec;
    }

    private EmbeddedSpec readEmbedded(YamlMapping e) throws ConfigException {
        EmbeddedSpec spec = new EmbeddedSpec(e.bool("insecure", false));
        e.rejectUnknown(Set.of());
        return spec;
    }

    private static String osName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> plainList(YamlMapping m, String key) throws ConfigException {
        Object o = m.plain(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?>)) {
            throw new ConfigException(m.keyLocation(key), m.child(key), "expected a list");
        }
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainMap(YamlMapping m, String key) throws ConfigException {
        Object o = m.plain(key);
        if (o == null) {
            return Map.of();
        }
        if (!(o instanceof Map<?, ?>)) {
            throw new ConfigException(m.keyLocation(key), m.child(key), "expected a mapping");
        }
        return (Map<String, Object>) o;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    static java.util.Optional<Duration> parseDuration(String s) {
        Matcher m = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?").matcher(s.trim());
        if (!s.isBlank() && m.matches()) {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long sec = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            return java.util.Optional.of(Duration.ofSeconds(h * 3600 + min * 60 + sec));
        }
        try {
            return java.util.Optional.of(Duration.parse(s));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    // ------------------------------------------------------------------ paths

    private String display(Path p) {
        Path rel = root.relativize(p);
        String s = rel.toString();
        return s.isEmpty() ? "." : s;
    }

    /**
     * Resolves a path written relative to devspace.yaml and checks that it stays inside the project root, also after
     * following symbolic links.
     */
    private Path resolveInside(YamlMapping m, String key, String value, boolean mustExist, boolean directory) throws ConfigException {
        Location at = m.has(key) ? m.keyLocation(key) : m.location();
        String field = m.path() + "." + key;
        Path p;
        try {
            p = configDir.resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(at, field, "'" + value + "' is not a valid path");
        }
        if (!p.startsWith(root)) {
            throw new ConfigException(at, field, "'" + value + "' resolves to " + p + ", outside the project root " + root
                    + "; keep Dockerfiles and contexts inside the workspace");
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
            try {
                Path real = p.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new ConfigException(at, field, "'" + value + "' leads through a symbolic link to " + real
                            + ", outside the project root " + root + "; point it at a real directory inside the workspace");
                }
            } catch (IOException e) {
                throw new ConfigException(at, field, "'" + value + "' cannot be resolved (" + e.getMessage()
                        + "); a symbolic link on the way may be broken");
            }
        }
        if (mustExist) {
            if (!Files.exists(p)) {
                throw new ConfigException(at, field, display(p) + " does not exist; create it or fix the path (it is relative to "
                        + source.displayName() + ")");
            }
            if (directory && !Files.isDirectory(p)) {
                throw new ConfigException(at, field, display(p) + " is not a directory; the context must be a directory");
            }
        }
        return p;
    }
}
