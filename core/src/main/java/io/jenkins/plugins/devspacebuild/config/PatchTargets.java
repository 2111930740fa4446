package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds what a {@link PatchPath} points at in the config tree and changes it. Wildcards and selectors may match
 * several places; each is changed. For {@code add}, missing mappings on the way are created, a numeric step inserts
 * into a list, {@code -} appends, and (as DevSpace does for paths that are not JSON pointers) a path naming an existing
 * list appends the value to it.
 */
final class PatchTargets {
    private final PatchPath path;
    private final boolean add;

    PatchTargets(PatchPath path, boolean add) {
        this.path = path;
        this.add = add;
    }

    /** Sets (add or replace) the value at every match; returns how many places changed. */
    int set(MappingNode doc, Node value, boolean pointer) {
        List<PatchPath.Segment> segs = path.segments();
        int n = 0;
        for (Node parent : parents(doc, segs.subList(0, segs.size() - 1))) {
            n += setIn(parent, segs.get(segs.size() - 1), value, pointer);
        }
        return n;
    }

    int remove(MappingNode doc) {
        List<PatchPath.Segment> segs = path.segments();
        int n = 0;
        for (Node parent : parents(doc, segs.subList(0, segs.size() - 1))) {
            PatchPath.Segment last = segs.get(segs.size() - 1);
            if (parent instanceof MappingNode m && last instanceof PatchPath.Key k) {
                n += YamlTree.remove(m, k.name()) ? 1 : 0;
            } else if (parent instanceof MappingNode m && last instanceof PatchPath.Wildcard) {
                n += m.getValue().size();
                m.getValue().clear();
            } else if (parent instanceof SequenceNode s) {
                List<Node> items = s.getValue();
                List<Integer> hit = indexes(s, last);
                for (int i = hit.size() - 1; i >= 0; i--) {
                    items.remove((int) hit.get(i));
                    n++;
                }
            }
        }
        return n;
    }

    private int setIn(Node parent, PatchPath.Segment last, Node value, boolean pointer) {
        if (parent instanceof MappingNode m) {
            if (last instanceof PatchPath.Key k) {
                Node existing = YamlTree.get(m, k.name());
                if (existing == null && !add) {
                    return 0;
                }
                if (add && !pointer && existing instanceof SequenceNode list) {
                    list.getValue().add(YamlTree.copy(value));
                } else {
                    YamlTree.put(m, k.name(), YamlTree.copy(value));
                }
                return 1;
            }
            if (last instanceof PatchPath.Wildcard) {
                for (NodeTuple t : new ArrayList<>(m.getValue())) {
                    YamlTree.put(m, YamlTree.keyOf(t), YamlTree.copy(value));
                }
                return m.getValue().size();
            }
            return 0;
        }
        if (parent instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            if (last instanceof PatchPath.Append) {
                if (!add) {
                    return 0;
                }
                items.add(YamlTree.copy(value));
                return 1;
            }
            Integer index = index(last);
            if (index != null && add) {
                if (index > items.size()) {
                    return 0;
                }
                items.add(index, YamlTree.copy(value));
                return 1;
            }
            List<Integer> hit = indexes(s, last);
            hit.forEach(i -> items.set(i, YamlTree.copy(value)));
            return hit.size();
        }
        return 0;
    }

    /** The nodes the first steps lead to; for add, missing mapping keys are created on the way. */
    private List<Node> parents(Node start, List<PatchPath.Segment> steps) {
        List<Node> current = List.of(start);
        for (PatchPath.Segment seg : steps) {
            List<Node> next = new ArrayList<>();
            for (Node n : current) {
                next.addAll(children(n, seg));
            }
            current = next;
        }
        return current;
    }

    private List<Node> children(Node n, PatchPath.Segment seg) {
        List<Node> out = new ArrayList<>();
        if (n instanceof MappingNode m) {
            if (seg instanceof PatchPath.Key k) {
                Node child = YamlTree.get(m, k.name());
                if (YamlTree.isNull(child) && add) {
                    child = YamlTree.emptyMapping(m);
                    YamlTree.put(m, k.name(), child);
                }
                if (child != null) {
                    out.add(child);
                }
            } else if (seg instanceof PatchPath.Wildcard) {
                m.getValue().forEach(t -> out.add(t.getValueNode()));
            }
        } else if (n instanceof SequenceNode s) {
            indexes(s, seg).forEach(i -> out.add(s.getValue().get(i)));
        }
        return out;
    }

    private static Integer index(PatchPath.Segment seg) {
        if (seg instanceof PatchPath.Index i) {
            return i.index();
        }
        if (seg instanceof PatchPath.Key k && k.name().matches("\\d{1,9}")) {
            return Integer.parseInt(k.name());
        }
        return null;
    }

    private static List<Integer> indexes(SequenceNode s, PatchPath.Segment seg) {
        List<Integer> out = new ArrayList<>();
        List<Node> items = s.getValue();
        Integer index = index(seg);
        if (index != null) {
            if (index < items.size()) {
                out.add(index);
            }
        } else if (seg instanceof PatchPath.Wildcard) {
            for (int i = 0; i < items.size(); i++) {
                out.add(i);
            }
        } else if (seg instanceof PatchPath.Select sel) {
            for (int i = 0; i < items.size(); i++) {
                if (sel.value().equals(YamlTree.scalar(items.get(i), sel.field()))) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
