package io.jenkins.plugins.devspacebuild.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code dependencies}: DevSpace builds the images of each dependency, with its own devspace.yaml, profiles and vars,
 * before the project's own. Local ({@code path}) dependencies are loaded here, recursively, and their images are
 * added first under the key {@code <dependency>.<image>}, so each gets its own cache entry and published variables
 * ({@code DEVSPACE_IMAGE_<DEPENDENCY>_<IMAGE>}). Git dependencies are refused with what to do instead.
 * v1beta*: a list of {@code {name, source: {path | git ...}, profile, profiles, vars: [{name, value}], skipBuild}};
 * v2beta1: a mapping of name to {@code {path | git ..., profiles, vars: {NAME: value}}}.
 */
final class DependencyLoader {
    static final int MAX_DEPTH = 10;

    /** A dependency as written. */
    record Dependency(String name, Location location, String field, String path, List<String> profiles, Map<String, String> vars,
                      boolean skipBuild) {
    }

    private DependencyLoader() {
    }

    static List<Dependency> read(YamlMapping doc, boolean legacy) throws ConfigException {
        Node deps = doc.node("dependencies");
        List<Dependency> out = new ArrayList<>();
        if (deps == null) {
            return out;
        }
        SourceFile source = doc.source();
        if (legacy) {
            if (!(deps instanceof SequenceNode seq)) {
                throw new ConfigException(source.at(deps), "dependencies", "expected a list of {name, source: {path: ...}}");
            }
            int i = 0;
            for (Node item : seq.getValue()) {
                YamlMapping d = YamlMapping.of("dependencies[" + i++ + "]", item, source);
                String name = d.string("name");
                if (name == null) {
                    throw new ConfigException(d.location(), d.child("name"), "a dependency needs a name");
                }
                YamlMapping src = d.mapping("source");
                if (src == null) {
                    throw new ConfigException(d.location(), d.child("source"), "is required: give source: {path: ../other}");
                }
                String path = pathOf(src, name);
                List<String> profiles = new ArrayList<>();
                String profile = d.string("profile");
                if (profile != null && !profile.isEmpty()) {
                    profiles.add(profile);
                }
                profiles.addAll(BuilderBlockReader.orEmpty(d.stringList("profiles", "[production]")));
                Map<String, String> vars = new LinkedHashMap<>();
                Node v = d.node("vars");
                if (v instanceof SequenceNode vs) {
                    int j = 0;
                    for (Node vn : vs.getValue()) {
                        YamlMapping vm = YamlMapping.of(d.child("vars") + "[" + j++ + "]", vn, source);
                        String vname = vm.string("name");
                        if (vname != null) {
                            vars.put(vname, vm.string("value", ""));
                        }
                    }
                }
                d.ignore("namespace", "profileParents", "overwriteVars", "ignoreDependencies", "skipBuild");
                out.add(new Dependency(name, d.location(), d.path(), path, profiles, vars, d.bool("skipBuild", false)));
            }
            return out;
        }
        YamlMapping map = YamlMapping.of("dependencies", deps, source);
        for (String name : map.keys()) {
            YamlMapping d = map.mapping(name);
            if (d == null) {
                continue;
            }
            String path = pathOf(d, name);
            Map<String, String> vars = BuilderBlockReader.orEmpty(d.stringMap("vars"));
            List<String> profiles = BuilderBlockReader.orEmpty(d.stringList("profiles", "[production]"));
            out.add(new Dependency(name, d.location(), d.path(), path, profiles, vars, false));
        }
        return out;
    }

    private static String pathOf(YamlMapping src, String name) throws ConfigException {
        if (src.has("git")) {
            throw new ConfigException(src.keyLocation("git"), src.child("git"), "git dependencies are not built by devspace-build; check "
                    + "the repository out in an earlier step and use path: ./" + name + " instead");
        }
        String path = src.string("path");
        if (path == null) {
            throw new ConfigException(src.location(), src.child("path"), "is required: the directory of the dependency's devspace.yaml");
        }
        return path;
    }

    /**
     * Loads each dependency's images, keyed {@code <dependency>.<image>}, dependencies of dependencies first.
     *
     * @param chain the devspace.yaml files being loaded, outermost first (for cycles and depth)
     */
    static Map<String, ImageConfig> load(List<Dependency> deps, ConfigLoader.Request parent, Path configDir, ProjectPaths paths,
                                         List<Path> chain, List<String> warnings) throws ConfigException {
        Map<String, ImageConfig> images = new LinkedHashMap<>();
        for (Dependency d : deps) {
            if (d.skipBuild()) {
                warnings.add(d.location() + ": dependency " + d.name() + " has skipBuild: its images are not built");
                continue;
            }
            Path dir = configDir.resolve(d.path()).normalize();
            Path file = Files.isDirectory(dir) ? dir.resolve("devspace.yaml") : dir;
            if (!file.startsWith(parent.projectRoot().toAbsolutePath().normalize())) {
                throw new ConfigException(d.location(), d.field(), "'" + d.path() + "' is outside the project root; keep dependencies "
                        + "inside the workspace");
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(d.location(), d.field(), paths.display(file) + " does not exist; a path dependency needs its "
                        + "devspace.yaml there");
            }
            if (chain.contains(file) || chain.size() > MAX_DEPTH) {
                throw new ConfigException(d.location(), d.field(), "dependency " + d.name() + " leads back to " + paths.display(file)
                        + "; dependencies must not form a cycle");
            }
            Map<String, String> vars = new LinkedHashMap<>(parent.variables());
            vars.putAll(d.vars());
            ProjectConfig dep;
            try {
                dep = ConfigLoader.load(new ConfigLoader.Request(file, parent.projectRoot(), vars, parent.environment(), d.profiles()),
                        chain);
            } catch (ConfigException e) {
                throw new ConfigException("dependency " + d.name() + " (" + d.location() + "): " + e.getMessage());
            }
            dep.warnings().forEach(w -> warnings.add("dependency " + d.name() + ": " + w));
            dep.images().forEach((key, image) -> images.put(d.name() + "." + key, image.withKey(d.name() + "." + key)));
        }
        return images;
    }
}
