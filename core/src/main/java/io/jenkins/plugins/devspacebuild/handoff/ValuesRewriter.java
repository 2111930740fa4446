package io.jenkins.plugins.devspacebuild.handoff;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * Writes a copy of a YAML text (Helm values, Kubernetes manifests, any YAML, several documents allowed) in which every
 * string value naming a built image is replaced by the image to deploy, as DevSpace does in memory before a deployment
 * (see {@link ImageMatch} for the matching rules). Mapping keys are never replaced.
 * <p>The text is rewritten through SnakeYAML's node tree with comments kept: key order, comments, scalar quoting
 * styles, flow/block styles and anchors survive; indentation is normalised to 2 spaces, blank lines inside a document
 * and the spelling of non-replaced scalars are kept, long lines are not folded.
 */
public final class ValuesRewriter {

    /**
     * Options of a rewrite.
     *
     * @param onlyKeys   replace only values of these mapping keys (DevSpace's kubectl deployer uses {@code image}); empty = any
     *                   value, list items included (DevSpace's Helm deployer)
     * @param withDigest append {@code @digest} to references when the digest is known
     */
    public record Options(Set<String> onlyKeys, boolean withDigest) {
        public static final Options HELM = new Options(Set.of(), false);

        public Options {
            onlyKeys = Set.copyOf(onlyKeys);
        }
    }

    /** One value replaced: where ({@code .a.b[0].c}, in document {@code document} counted from 1), before and after. */
    public record Replacement(int document, String path, String before, String after, String imageKey) {
    }

    /** The rewritten text and what was replaced. */
    public record Rewrite(String text, List<Replacement> replacements) {
        public Rewrite {
            replacements = List.copyOf(replacements);
        }
    }

    private final BuiltImages images;
    private final Options options;

    public ValuesRewriter(BuiltImages images, Options options) {
        this.images = images;
        this.options = options;
    }

    /**
     * Rewrites {@code yaml}; {@code source} names it in errors.
     *
     * @throws HandoffException when the text is not YAML (the message gives the line and column)
     */
    public Rewrite rewrite(String yaml, String source) throws HandoffException {
        List<Node> documents = new ArrayList<>();
        try {
            for (Node n : yamlWithComments().composeAll(new StringReader(yaml))) {
                documents.add(n);
            }
        } catch (MarkedYAMLException e) {
            throw new HandoffException(source + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
                    + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new HandoffException(source + ": not valid YAML: " + e.getMessage());
        }
        List<Replacement> done = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            documents.set(i, walk(documents.get(i), "", null, i + 1, done));
        }
        return new Rewrite(write(documents, yaml.startsWith("---")), done);
    }

    private Node walk(Node node, String path, String key, int document, List<Replacement> done) {
        if (node instanceof MappingNode m) {
            List<NodeTuple> tuples = new ArrayList<>(m.getValue().size());
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                tuples.add(new NodeTuple(t.getKeyNode(), walk(t.getValueNode(), path + "." + k, k, document, done)));
            }
            m.setValue(tuples);
            return m;
        }
        if (node instanceof SequenceNode s) {
            List<Node> items = s.getValue();
            for (int i = 0; i < items.size(); i++) {
                items.set(i, walk(items.get(i), path + "[" + i + "]", null, document, done));
            }
            return s;
        }
        if (node instanceof ScalarNode s && Tag.STR.equals(s.getTag()) && keyAllowed(key)) {
            ImageMatch match = ImageMatch.of(s.getValue());
            BuiltImage image = match == null ? null : images.find(match);
            if (image != null) {
                String after = match.replacement(image, options.withDigest());
                if (!after.equals(s.getValue())) {
                    done.add(new Replacement(document, path.isEmpty() ? "." : path, s.getValue(), after, image.key()));
                    return replaced(s, after);
                }
            }
        }
        return node;
    }

    private boolean keyAllowed(String key) {
        return options.onlyKeys().isEmpty() || (key != null && options.onlyKeys().contains(key));
    }

    private static ScalarNode replaced(ScalarNode s, String value) {
        ScalarNode n = new ScalarNode(Tag.STR, value, s.getStartMark(), s.getEndMark(), s.getScalarStyle());
        n.setBlockComments(s.getBlockComments());
        n.setInLineComments(s.getInLineComments());
        n.setEndComments(s.getEndComments());
        return n;
    }

    static Yaml yamlWithComments() {
        LoaderOptions lo = new LoaderOptions();
        lo.setProcessComments(true);
        lo.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(lo), new org.yaml.snakeyaml.representer.Representer(dumperOptions()), dumperOptions(), lo);
    }

    static DumperOptions dumperOptions() {
        DumperOptions o = new DumperOptions();
        o.setProcessComments(true);
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setSplitLines(false);
        o.setWidth(Integer.MAX_VALUE);
        return o;
    }

    static String write(List<Node> documents, boolean explicitStart) {
        DumperOptions o = dumperOptions();
        o.setExplicitStart(explicitStart);
        StringWriter out = new StringWriter();
        Serializer serializer = new Serializer(new Emitter(out, o), new Resolver(), o, null);
        try {
            serializer.open();
            for (Node d : documents) {
                serializer.serialize(d);
            }
            serializer.close();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("writing to a string", e);
        }
        return out.toString();
    }
}
