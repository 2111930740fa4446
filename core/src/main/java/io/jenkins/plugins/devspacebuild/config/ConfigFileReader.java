package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads devspace.yaml into a YAML node tree that keeps every value's line and column. Refuses, each with a message
 * naming the file and what to do: anything but a regular file, a file over {@link #MAX_BYTES}, text that is not UTF-8,
 * malformed YAML, duplicate keys, and documents whose aliases expand to more than {@link #MAX_EXPANDED_NODES} values
 * (an "alias bomb": the work is bounded because each shared node is measured once). Merge keys ({@code <<: *anchor})
 * are then resolved in place, each mapping once.
 */
final class ConfigFileReader {
    /** devspace.yaml files in the wild are a few KB; DevSpace's biggest fixtures stay under 100 KB. */
    static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Values the document may have once every alias is expanded. */
    static final long MAX_EXPANDED_NODES = 100_000;
    private static final int MAX_ALIASES = 1_000;

    private ConfigFileReader() {
    }

    /** The top node of the file, or null when the file holds no document. */
    static Node read(Path file, String display) throws ConfigException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ConfigException(display + ": no such file; give the devspace.yaml to use with -f FILE (step option 'config')");
        }
        if (!attrs.isRegularFile()) {
            throw new ConfigException(display + ": not a regular file (" + (attrs.isDirectory() ? "a directory" : "a device, FIFO or socket")
                    + "); give the devspace.yaml file itself with -f FILE");
        }
        if (attrs.size() > MAX_BYTES) {
            throw new ConfigException(display + ": the file is " + attrs.size() + " bytes, more than the " + MAX_BYTES
                    + " bytes a devspace.yaml may have; check that -f names the right file");
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException(display + ": the file grew beyond " + MAX_BYTES + " bytes while it was read");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(display + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(display + ": cannot be read (" + e.getMessage() + "); check its permissions");
        }
        return compose(text, display);
    }

    static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p);
    }

    static Node compose(String text, String display) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit((int) MAX_BYTES);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Node n = yaml.compose(new StringReader(text));
            if (n == null) {
                return null;
            }
            long size = expandedSize(n, new IdentityHashMap<>());
            if (size < 0) {
                throw new ConfigException(display + ": a YAML alias (*name) refers to a mapping or list that contains it; "
                        + "DevSpace cannot read such a file either. Remove the recursive alias");
            }
            if (size > MAX_EXPANDED_NODES) {
                throw new ConfigException(display + ": the YAML aliases (*name) expand to more than " + MAX_EXPANDED_NODES
                        + " values (an alias bomb?); devspace-build refuses such files. Write the repeated parts out or use fewer nested aliases");
            }
            rejectDuplicateKeys(n, display, new IdentityHashMap<>());
            new MergeFlattener(options).flattenOnce(n, new IdentityHashMap<>());
            return n;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? Location.of(display) : new Location(display, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new ConfigException(at + ": malformed YAML: " + problem + context + "; check the indentation and quoting around this line");
        } catch (YAMLException e) {
            throw new ConfigException(display + ": malformed YAML: " + e.getMessage());
        }
    }

    /**
     * How many values the tree holds once aliases are expanded, each node measured once (memoised), capped so the
     * sum cannot overflow. Linear in the number of distinct nodes, whatever the aliases multiply to. -1 when a node
     * contains itself (a recursive alias).
     */
    static long expandedSize(Node n, Map<Node, Long> memo) {
        Long known = memo.get(n);
        if (known != null) {
            return known;
        }
        memo.put(n, -1L); // being measured: meeting it again below means it contains itself
        long size = 1;
        List<Node> children = new ArrayList<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                children.add(t.getKeyNode());
                children.add(t.getValueNode());
            }
        } else if (n instanceof SequenceNode s) {
            children.addAll(s.getValue());
        }
        for (Node c : children) {
            long cs = expandedSize(c, memo);
            if (cs < 0) {
                return -1;
            }
            size = Math.min(Long.MAX_VALUE / 4, size + cs);
        }
        memo.put(n, size);
        return size;
    }

    /** Duplicate keys are an error (checked before merge keys are resolved, which would silently keep the last one). */
    private static void rejectDuplicateKeys(Node n, String display, Map<Node, Boolean> seen) throws ConfigException {
        if (n == null || seen.put(n, Boolean.TRUE) != null) {
            return;
        }
        if (n instanceof MappingNode m) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !k.getValue().equals("<<") && !keys.add(k.getValue())) {
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

    /**
     * Resolves YAML merge keys in place, as DevSpace's YAML library does. Children first, each node once: a merged
     * anchor is already flat when it is merged, so shared nodes are never walked again.
     */
    private static final class MergeFlattener extends SafeConstructor {
        MergeFlattener(LoaderOptions options) {
            super(options);
        }

        void flattenOnce(Node n, Map<Node, Boolean> done) {
            if (done.put(n, Boolean.TRUE) != null) {
                return;
            }
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    flattenOnce(t.getValueNode(), done);
                }
                flattenMapping(m);
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(item -> flattenOnce(item, done));
            }
        }
    }
}
