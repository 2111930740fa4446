package io.jenkins.plugins.devspacebuild.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The file being read: its display name for locations, the variables its scalars are substituted with, and the
 * problems found so far.
 */
final class SourceFile {
    private final String displayName;
    private final Variables variables;
    private final Problems problems = new Problems();

    SourceFile(String displayName, Variables variables) {
        this.displayName = displayName;
        this.variables = variables;
    }

    String displayName() {
        return displayName;
    }

    Variables variables() {
        return variables;
    }

    Problems problems() {
        return problems;
    }

    Location at(Node node) {
        Mark m = node.getStartMark();
        return m == null ? Location.of(displayName) : new Location(displayName, m.getLine() + 1, m.getColumn() + 1);
    }

    String substitute(ScalarNode node, String field) throws ConfigException {
        Location start = at(node);
        // a block scalar's text starts on the line after its indicator
        DumperOptions.ScalarStyle style = node.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            start = new Location(start.file(), start.line() + 1, 0);
        }
        return variables.substitute(node.getValue(), start, field);
    }
}
