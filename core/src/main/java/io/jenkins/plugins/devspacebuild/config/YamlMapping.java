package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to one YAML mapping of devspace.yaml. Every value read is checked for its type; scalars go
 * through variable substitution; every error names file, line, column and the field's dotted path. Keys that were not
 * read are reported by {@link #rejectUnknown(Set)} with a "did you mean".
 */
final class YamlMapping {
    private final String path;
    private final MappingNode node;
    private final SourceFile source;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlMapping(String path, MappingNode node, SourceFile source) throws ConfigException {
        this.path = path;
        this.node = node;
        this.source = source;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new ConfigException(source.at(t.getKeyNode()), path, "keys must be plain strings");
            }
            if (entries.put(k.getValue(), t) != null) {
                throw new ConfigException(source.at(k), child(k.getValue()), "duplicate key; remove one of the two");
            }
        }
    }

    static YamlMapping of(String path, Node node, SourceFile source) throws ConfigException {
        if (!(node instanceof MappingNode m)) {
            throw new ConfigException(source.at(node), path, "expected a mapping (key: value lines), found " + describe(node));
        }
        return new YamlMapping(path, m, source);
    }

    String path() {
        return path;
    }

    Location location() {
        return source.at(node);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    /** The value node of {@code key}, or null when absent or {@code null}; marks the key as known. */
    Node node(String key) {
        read.add(key);
        NodeTuple t = entries.get(key);
        return t == null || isNull(t.getValueNode()) ? null : t.getValueNode();
    }

    Location keyLocation(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? location() : source.at(t.getKeyNode());
    }

    void ignore(String... keys) {
        read.addAll(List.of(keys));
    }

    String string(String key) throws ConfigException {
        Node n = node(key);
        return n == null ? null : scalar(child(key), n);
    }

    String string(String key, String dflt) throws ConfigException {
        String s = string(key);
        return s == null ? dflt : s;
    }

    Boolean bool(String key) throws ConfigException {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        String s = scalar(child(key), n).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> throw new ConfigException(source.at(n), child(key), "expected true or false, found '" + s + "'");
        };
    }

    boolean bool(String key, boolean dflt) throws ConfigException {
        Boolean b = bool(key);
        return b == null ? dflt : b;
    }

    List<String> stringList(String key, String example) throws ConfigException {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode seq)) {
            throw new ConfigException(source.at(n), child(key), "expected a list of strings, found " + describe(n)
                    + (example == null ? "" : "; write it as " + key + ": " + example));
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Node item : seq.getValue()) {
            out.add(scalar(child(key) + "[" + i++ + "]", item));
        }
        return out;
    }

    Map<String, String> stringMap(String key) throws ConfigException {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        YamlMapping m = of(child(key), n, source);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : m.keys()) {
            String v = m.string(k);
            out.put(k, v == null ? "" : v);
        }
        return out;
    }

    YamlMapping mapping(String key) throws ConfigException {
        Node n = node(key);
        return n == null ? null : of(child(key), n, source);
    }

    /** A structured value (mapping, list or scalar) as plain Java objects, scalars substituted. */
    Object plain(String key) throws ConfigException {
        Node n = node(key);
        return n == null ? null : plain(child(key), n);
    }

    private Object plain(String at, Node n) throws ConfigException {
        if (n instanceof MappingNode) {
            YamlMapping m = of(at, n, source);
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : m.keys()) {
                Node v = m.node(k);
                out.put(k, v == null ? null : plain(m.child(k), v));
            }
            return out;
        }
        if (n instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Node item : seq.getValue()) {
                out.add(plain(at + "[" + i++ + "]", item));
            }
            return out;
        }
        ScalarNode s = (ScalarNode) n;
        String v = source.substitute(s, at);
        Tag tag = s.getTag();
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(v.toLowerCase(Locale.ROOT).matches("true|yes|on"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.valueOf(v);
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        return v;
    }

    String scalar(String at, Node n) throws ConfigException {
        if (!(n instanceof ScalarNode s)) {
            throw new ConfigException(source.at(n), at, "expected a single value, found " + describe(n));
        }
        return source.substitute(s, at);
    }

    /** Reports every key that was never read (to the file's problems), each with the nearest known key. */
    void rejectUnknown(Set<String> known) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String k = e.getKey();
            if (read.contains(k) || known.contains(k)) {
                continue;
            }
            Set<String> all = new LinkedHashSet<>(read);
            all.addAll(known);
            String hint = all.stream()
                    .min(Comparator.comparingInt(c -> editDistance(c.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT))))
                    .filter(c -> editDistance(c.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 3))
                    .map(c -> "; did you mean '" + c + "'?")
                    .orElse("; known keys: " + String.join(", ", all));
            source.problems().add(new ConfigException(source.at(e.getValue().getKeyNode()), child(k), "unknown key" + hint));
        }
    }

    MappingNode rawNode() {
        return node;
    }

    SourceFile source() {
        return source;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(n)) {
            return "nothing (null)";
        }
        return "the value '" + ((ScalarNode) n).getValue() + "'";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
