package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Applies one profile to the config tree, as DevSpace does, in DevSpace's order: {@code replace} (top-level sections
 * replaced whole), {@code merge} (JSON merge patch: mappings merged, {@code null} removes, anything else replaces),
 * {@code strategicMerge} (v1beta*: like merge, but the lists of deployments, dependencies, commands and vars are merged
 * by {@code name} and pullSecrets by {@code registry}), then {@code patches} ({@code op} add, replace or remove, with
 * any path syntax of {@link PatchPath}). The values put in keep their place in the file.
 */
final class ProfileApplier {
    private static final Map<String, String> STRATEGIC_KEYS = Map.of("deployments", "name", "dependencies", "name", "commands", "name",
            "vars", "name", "pullSecrets", "registry");

    private final SourceFile source;

    ProfileApplier(SourceFile source) {
        this.source = source;
    }

    void apply(MappingNode doc, YamlMapping profile) throws ConfigException {
        YamlMapping replace = profile.mapping("replace");
        if (replace != null) {
            for (String key : replace.keys()) {
                YamlTree.put(doc, key, YamlTree.copy(replace.node(key) == null ? YamlTree.emptyMapping(doc) : replace.node(key)));
            }
        }
        Node merge = profile.node("merge");
        if (merge != null) {
            requireMapping(profile, "merge", merge);
            mergePatch(doc, merge, null);
        }
        Node strategic = profile.node("strategicMerge");
        if (strategic != null) {
            requireMapping(profile, "strategicMerge", strategic);
            mergePatch(doc, strategic, "");
        }
        Node patches = profile.node("patches");
        if (patches != null) {
            if (!(patches instanceof SequenceNode seq)) {
                throw new ConfigException(source.at(patches), profile.child("patches"), "expected a list of {op, path, value}");
            }
            int i = 0;
            for (Node p : seq.getValue()) {
                YamlMapping patch = YamlMapping.of(profile.child("patches") + "[" + i++ + "]", p, source);
                patch(doc, patch);
            }
        }
    }

    private void requireMapping(YamlMapping profile, String key, Node n) throws ConfigException {
        if (!(n instanceof MappingNode)) {
            throw new ConfigException(source.at(n), profile.child(key), "expected a mapping of config sections");
        }
    }

    /** RFC 7386 merge of {@code patch} into {@code target}; returns the merged node. {@code strategicKey}: see class doc. */
    private Node mergePatch(Node target, Node patch, String topKey) {
        if (!(patch instanceof MappingNode pm)) {
            if (topKey != null && patch instanceof SequenceNode ps && target instanceof SequenceNode ts && STRATEGIC_KEYS.containsKey(topKey)) {
                return mergeList(ts, ps, STRATEGIC_KEYS.get(topKey));
            }
            return YamlTree.copy(patch);
        }
        MappingNode tm = target instanceof MappingNode m ? m : YamlTree.emptyMapping(patch);
        for (NodeTuple t : pm.getValue()) {
            String key = YamlTree.keyOf(t);
            if (key == null) {
                continue;
            }
            if (YamlTree.isNull(t.getValueNode())) {
                YamlTree.remove(tm, key);
            } else {
                String nextTop = topKey == null ? null : topKey.isEmpty() ? key : "-";
                YamlTree.put(tm, key, mergePatch(YamlTree.get(tm, key), t.getValueNode(), nextTop));
            }
        }
        return tm;
    }

    private Node mergeList(SequenceNode target, SequenceNode patch, String mergeKey) {
        List<Node> items = new ArrayList<>(target.getValue());
        for (Node p : patch.getValue()) {
            String k = YamlTree.scalar(p, mergeKey);
            int at = -1;
            for (int i = 0; k != null && i < items.size(); i++) {
                if (k.equals(YamlTree.scalar(items.get(i), mergeKey))) {
                    at = i;
                }
            }
            if (at >= 0) {
                items.set(at, mergePatch(items.get(at), p, "-"));
            } else {
                items.add(YamlTree.copy(p));
            }
        }
        target.getValue().clear();
        target.getValue().addAll(items);
        return target;
    }

    private void patch(MappingNode doc, YamlMapping patch) throws ConfigException {
        String op = patch.string("op");
        String pathText = patch.string("path");
        Node value = patch.node("value");
        patch.ignore("from");
        patch.rejectUnknown(java.util.Set.of());
        if (op == null) {
            throw new ConfigException(patch.location(), patch.child("op"), "is missing; use add, replace or remove");
        }
        if (pathText == null) {
            throw new ConfigException(patch.location(), patch.child("path"), "is missing; e.g. path: images.app.image");
        }
        PatchPath path;
        try {
            path = PatchPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(patch.keyLocation("path"), patch.child("path"), "'" + pathText + "': " + e.getMessage());
        }
        Location at = patch.keyLocation("path");
        String field = patch.child("path");
        switch (op) {
            case "add", "replace" -> {
                if (value == null) {
                    throw new ConfigException(patch.location(), patch.child("value"), "is missing; '" + op + "' needs a value");
                }
                int changed = new PatchTargets(path, op.equals("add")).set(doc, value, pathText.startsWith("/"));
                if (changed == 0) {
                    throw nothing(at, field, pathText, op);
                }
            }
            case "remove" -> {
                if (new PatchTargets(path, false).remove(doc) == 0) {
                    throw nothing(at, field, pathText, op);
                }
            }
            default -> throw new ConfigException(patch.keyLocation("op"), patch.child("op"), "'" + op + "' is not supported by devspace-build; "
                    + "use add, replace or remove");
        }
    }

    private static ConfigException nothing(Location at, String field, String path, String op) {
        return new ConfigException(at, field, "'" + path + "' matches nothing in the config, so '" + op + "' cannot apply; check the "
                + "keys and indexes (paths look like images.app.image, /images/app/image or deployments[name=api])");
    }

    /** Whether a scalar equals {@code value}. */
    static boolean scalarIs(Node n, String value) {
        return n instanceof ScalarNode s && s.getValue().equals(value);
    }
}
