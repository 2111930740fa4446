package io.jenkins.plugins.devspacebuild.handoff;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The kustomize form of the hand-off: an {@code images:} list with one entry per built image
 * ({@code name} = the repository as written in devspace.yaml, {@code newName}, and {@code newTag}, or {@code digest}
 * when asked and known: kustomize then pins the digest and drops the tag). Written as a new file, or merged into an
 * existing kustomization: entries whose {@code name} is a built image are replaced, the others and the rest of the file kept.
 */
public final class KustomizeImages {

    private KustomizeImages() {
    }

    /**
     * Returns the kustomization text.
     *
     * @param existing   the current kustomization (null or blank: a file with only {@code images:})
     * @param source     names {@code existing} in errors
     */
    public static String write(String existing, String source, BuiltImages images, boolean withDigest) throws HandoffException {
        MappingNode root;
        if (existing == null || existing.isBlank()) {
            root = new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
        } else {
            Node n;
            try {
                n = ValuesRewriter.yamlWithComments().compose(new StringReader(existing));
            } catch (MarkedYAMLException e) {
                throw new HandoffException(source + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
            } catch (YAMLException e) {
                throw new HandoffException(source + ": not valid YAML (a kustomization is one document): " + e.getMessage());
            }
            if (!(n instanceof MappingNode m)) {
                throw new HandoffException(source + ": a kustomization must be a mapping (kind: Kustomization, resources: ..., images: ...)");
            }
            root = m;
        }
        SequenceNode list = imagesList(root, source);
        for (BuiltImage image : images.images()) {
            MappingNode entry = entry(image, withDigest);
            int at = indexOf(list, image);
            if (at >= 0) {
                Node old = list.getValue().get(at);
                entry.setBlockComments(old.getBlockComments());
                list.getValue().set(at, entry);
            } else {
                list.getValue().add(entry);
            }
        }
        return ValuesRewriter.write(List.of(root), existing != null && existing.startsWith("---"));
    }

    private static SequenceNode imagesList(MappingNode root, String source) throws HandoffException {
        for (NodeTuple t : root.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("images")) {
                if (t.getValueNode() instanceof SequenceNode s) {
                    return s;
                }
                if (t.getValueNode() instanceof ScalarNode v && (v.getValue().isEmpty() || Tag.NULL.equals(v.getTag()))) {
                    SequenceNode s = new SequenceNode(Tag.SEQ, new ArrayList<>(), FlowStyle.BLOCK);
                    List<NodeTuple> tuples = new ArrayList<>(root.getValue());
                    tuples.set(tuples.indexOf(t), new NodeTuple(k, s));
                    root.setValue(tuples);
                    return s;
                }
                throw new HandoffException(source + ":" + (k.getStartMark().getLine() + 1) + ": images: must be a list of {name, newName, newTag}");
            }
        }
        SequenceNode s = new SequenceNode(Tag.SEQ, new ArrayList<>(), FlowStyle.BLOCK);
        List<NodeTuple> tuples = new ArrayList<>(root.getValue());
        tuples.add(new NodeTuple(scalar("images"), s));
        root.setValue(tuples);
        return s;
    }

    private static int indexOf(SequenceNode list, BuiltImage image) {
        String wanted = ImageMatch.normalizedKey(image.repository());
        for (int i = 0; i < list.getValue().size(); i++) {
            if (list.getValue().get(i) instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name") && t.getValueNode() instanceof ScalarNode v
                            && wanted != null && wanted.equals(ImageMatch.normalizedKey(v.getValue()))) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static MappingNode entry(BuiltImage image, boolean withDigest) {
        List<NodeTuple> t = new ArrayList<>();
        t.add(new NodeTuple(scalar("name"), scalar(image.repository())));
        t.add(new NodeTuple(scalar("newName"), scalar(image.repository())));
        if (withDigest && image.digest() != null) {
            t.add(new NodeTuple(scalar("digest"), scalar(image.digest())));
        } else {
            t.add(new NodeTuple(scalar("newTag"), scalar(image.tag())));
        }
        return new MappingNode(Tag.MAP, t, FlowStyle.BLOCK);
    }

    private static ScalarNode scalar(String value) {
        return new ScalarNode(Tag.STR, value, null, null, ScalarStyle.PLAIN);
    }
}
