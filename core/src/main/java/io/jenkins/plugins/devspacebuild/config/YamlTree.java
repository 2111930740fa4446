package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small edits of a composed YAML tree that keep each node's position in the file (for error locations). */
final class YamlTree {
    private static final int MAX_DEPTH = 500;

    private YamlTree() {
    }

    /**
     * A copy in which no mapping or list is shared (aliases are expanded), so that editing one place cannot change
     * another. Bounded: the reader refused documents whose aliases expand too far.
     */
    static Node copy(Node n) {
        return copy(n, 0);
    }

    private static Node copy(Node n, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("nested deeper than " + MAX_DEPTH + " levels (a recursive alias?)");
        }
        if (n instanceof MappingNode m) {
            List<NodeTuple> tuples = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                tuples.add(new NodeTuple(t.getKeyNode(), copy(t.getValueNode(), depth + 1)));
            }
            return new MappingNode(m.getTag(), true, tuples, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
        }
        if (n instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.getValue()) {
                items.add(copy(item, depth + 1));
            }
            return new SequenceNode(s.getTag(), true, items, s.getStartMark(), s.getEndMark(), s.getFlowStyle());
        }
        return n;
    }

    static MappingNode emptyMapping(Node at) {
        return new MappingNode(Tag.MAP, true, new ArrayList<>(), at.getStartMark(), at.getEndMark(), DumperOptions.FlowStyle.AUTO);
    }

    static boolean isNull(Node n) {
        return n == null || n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
    }

    static Node get(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (key.equals(keyOf(t))) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** Sets {@code key} to {@code value}, in place of an existing entry or at the end. */
    static void put(MappingNode m, String key, Node value) {
        List<NodeTuple> tuples = m.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (key.equals(keyOf(tuples.get(i)))) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, value.getStartMark(), value.getEndMark(), DumperOptions.ScalarStyle.PLAIN),
                value));
    }

    static boolean remove(MappingNode m, String key) {
        return m.getValue().removeIf(t -> key.equals(keyOf(t)));
    }

    /** The scalar text of {@code field} of a mapping, or null. */
    static String scalar(Node n, String field) {
        return n instanceof MappingNode m && get(m, field) instanceof ScalarNode s ? s.getValue() : null;
    }
}
