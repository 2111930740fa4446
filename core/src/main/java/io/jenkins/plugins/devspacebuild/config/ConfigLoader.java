package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads devspace.yaml into a {@link ProjectConfig}, in stages: read the YAML with locations
 * ({@link ConfigFileReader}), pick the schema family from {@code version}, apply the selected and activated profiles
 * to the tree ({@link ProfileSelector}, {@link ProfileApplier}), register {@code vars} ({@link VarsReader}), then map
 * each image with its family's mapper ({@link LegacyImageMapper} for {@code v1beta9}–{@code v1beta11},
 * {@link CurrentImageMapper} for {@code v2beta1}). Every problem found on the way is reported at once. Only
 * {@code version}, {@code name}, {@code vars}, {@code profiles} and {@code images} are read; DevSpace's other sections
 * (deployments, dev, hooks, ...) are ignored.
 */
public final class ConfigLoader {

    /**
     * What to load.
     *
     * @param configFile  devspace.yaml
     * @param projectRoot every Dockerfile and context must resolve inside it (the Jenkins workspace; for the CLI --root)
     * @param variables   explicit variables (--var), looked up first
     * @param environment the build's environment, looked up second
     * @param profiles    the profiles to apply, in order (-p); activated profiles are applied before them
     */
    public record Request(Path configFile, Path projectRoot, Map<String, String> variables, Map<String, String> environment,
                          List<String> profiles) {
        public Request {
            variables = Map.copyOf(variables);
            environment = Map.copyOf(environment);
            profiles = List.copyOf(profiles);
        }

        public Request(Path configFile, Path projectRoot, Map<String, String> variables, Map<String, String> environment) {
            this(configFile, projectRoot, variables, environment, List.of());
        }
    }

    static final Set<String> LEGACY_VERSIONS = Set.of("v1beta9", "v1beta10", "v1beta11");
    static final String CURRENT_VERSION = "v2beta1";

    private ConfigLoader() {
    }

    public static ProjectConfig load(Request request) throws ConfigException {
        return load(request, List.of());
    }

    /** {@code chain}: the devspace.yaml files whose dependency this one is, outermost first. */
    static ProjectConfig load(Request request, List<Path> chain) throws ConfigException {
        Path root = request.projectRoot().toAbsolutePath().normalize();
        Path file = request.configFile().toAbsolutePath().normalize();
        String display = file.startsWith(root) && !file.equals(root) ? root.relativize(file).toString() : file.toString();
        if (!ConfigFileReader.isRegularFile(file) && !java.nio.file.Files.exists(file)) {
            throw new ConfigException(display + ": no such file; give the devspace.yaml to use with -f FILE (step option 'config')");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new ConfigException("project root " + root + " does not exist; pass an existing directory with --root");
        }
        if (!file.startsWith(root)) {
            throw new ConfigException(display + ": the file is outside the project root " + root + "; pass --root to a directory that contains it");
        }
        Node top = ConfigFileReader.read(file, display);
        if (top == null) {
            throw new ConfigException(display + ": the file is empty; it needs at least a 'version'");
        }
        Path configDir = file.getParent();
        List<String> warnings = new ArrayList<>();
        SourceFile raw = new SourceFile(display, variables(request, configDir, request.profiles(), null, false));
        YamlMapping rawDoc = YamlMapping.of("", top, raw);
        String version = version(rawDoc, display, warnings);
        boolean legacy = LEGACY_VERSIONS.contains(version);

        ProfileSelector selector = new ProfileSelector(rawDoc, version);
        VarsReader.read(rawDoc, raw.variables());
        List<YamlMapping> profiles = selector.select(request.profiles(), request.environment(),
                name -> raw.variables().lookup(name).orElse(""));
        List<String> applied = profiles.stream().map(p -> YamlTree.scalar(p.rawNode(), "name")).toList();
        raw.problems().throwIfAny(display);

        Variables variables = variables(request, configDir, applied, YamlTree.scalar(top, "name"), !legacy);
        SourceFile source = new SourceFile(display, variables);
        Node resolved = top;
        if (!profiles.isEmpty()) {
            try {
                resolved = YamlTree.copy(top);
            } catch (IllegalStateException e) {
                throw new ConfigException(display + ": " + e.getMessage() + "; write the section out instead");
            }
            ProfileApplier applier = new ProfileApplier(source);
            for (YamlMapping p : profiles) {
                applier.apply((MappingNode) resolved, p);
            }
        }
        YamlMapping doc = YamlMapping.of("", resolved, source);
        doc.ignore("version", "profiles", "name");
        source.problems().attempt(() -> VarsReader.read(doc, variables));

        ProjectPaths paths = new ProjectPaths(root, realRoot, configDir, display);
        Map<String, ImageConfig> images = new LinkedHashMap<>();
        source.problems().attempt(() -> {
            List<Path> inner = new ArrayList<>(chain);
            inner.add(file);
            images.putAll(DependencyLoader.load(DependencyLoader.read(doc, legacy), request, configDir, paths, inner, warnings));
        });
        YamlMapping imagesNode = doc.mapping("images");
        if ((imagesNode == null || imagesNode.keys().isEmpty()) && images.isEmpty()) {
            warnings.add(display + ": no images are defined" + (applied.isEmpty() ? "" : " (with profiles " + String.join(", ", applied) + ")")
                    + ": nothing to build");
        } else if (imagesNode != null) {
            for (String key : imagesNode.keys()) {
                source.problems().attempt(() -> {
                    YamlMapping m = imagesNode.mapping(key);
                    if (m == null) {
                        throw new ConfigException(imagesNode.keyLocation(key), "images." + key, "the image has no settings; give it at least 'image: <name>'");
                    }
                    ImageConfig image = legacy ? LegacyImageMapper.map(key, m, paths) : CurrentImageMapper.map(key, m, paths, warnings);
                    if (image != null) {
                        images.put(key, DevModeImageFields.apply(image, m, doc, version, legacy, configDir));
                    }
                });
            }
        }
        source.problems().throwIfAny(display);
        return new ProjectConfig(file, root, version, images, warnings, applied);
    }

    private static Variables variables(Request request, Path configDir, List<String> profiles, String name, boolean expressions) {
        ConfigCommands commands = new ConfigCommands(configDir, request.environment());
        PredefinedVariables predefined = new PredefinedVariables(new PredefinedVariables.Context(GitInfo.find(configDir), profiles, name,
                request.environment(), KubeContext.lookup(request.environment())));
        return new Variables(request.variables(), request.environment(), predefined, commands,
                expressions ? new ConfigExpressions(true, commands) : ConfigExpressions.none());
    }

    private static String version(YamlMapping doc, String display, List<String> warnings) throws ConfigException {
        Node v = doc.node("version");
        String version = v instanceof ScalarNode s ? s.getValue() : null;
        if (v != null && version == null) {
            throw new ConfigException(doc.keyLocation("version"), "version", "expected a single value such as v2beta1");
        }
        if (version == null) {
            version = anyImageHasBuildBlock(doc) ? "v1beta11" : CURRENT_VERSION;
            warnings.add(display + ": no 'version' given; reading it as " + version);
            return version;
        }
        if (!LEGACY_VERSIONS.contains(version) && !CURRENT_VERSION.equals(version)) {
            throw new ConfigException(doc.keyLocation("version"), "version", "'" + version + "' is not supported; devspace-build reads "
                    + "v1beta9, v1beta10, v1beta11 and v2beta1 (convert older files with 'devspace print' from a DevSpace release that reads them)");
        }
        return version;
    }

    private static boolean anyImageHasBuildBlock(YamlMapping doc) {
        Node images = doc.node("images");
        if (images instanceof MappingNode m) {
            return m.getValue().stream().anyMatch(t -> t.getValueNode() instanceof MappingNode im && YamlTree.get(im, "build") != null);
        }
        return false;
    }
}
