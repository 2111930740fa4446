package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One entry of {@code vars}, as written; resolved lazily by {@link Variables} the first time the variable is used.
 *
 * @param name         the variable
 * @param location     where it is defined
 * @param field        its dotted path ({@code vars[0]}, {@code vars.NAME})
 * @param value        a fixed value ({@code value:}, or the v2beta1 {@code NAME: value} form), or null
 * @param defaultValue {@code default:}, or null
 * @param source       {@code source:} all (default), env, input or none
 * @param question     {@code question:}, or null
 * @param command      the command whose output is the value (for this OS), or null
 * @param args         its arguments
 */
public record VariableDefinition(String name, Location location, String field, String value, String defaultValue, String source,
                                 String question, String command, List<String> args) {

    public VariableDefinition {
        args = List.copyOf(args);
        source = source == null ? "all" : source;
    }

    static VariableDefinition value(String name, ScalarNode node, Location at, String field) {
        return new VariableDefinition(name, at, field, node.getValue(), null, null, null, null, List.of());
    }

    /** Whether the environment may give the value ({@code source: all} or {@code env}). */
    boolean readsEnvironment() {
        return source.equals("all") || source.equals("env");
    }

    static Builder builder(String name, Location at, String field) {
        return new Builder(name, at, field);
    }

    /** Collects a definition written as a mapping. */
    static final class Builder {
        private final String name;
        private final Location at;
        private final String field;
        private String value;
        private String defaultValue;
        private String source;
        private String question;
        private String command;
        private List<String> args = new ArrayList<>();

        private Builder(String name, Location at, String field) {
            this.name = name;
            this.at = at;
            this.field = field;
        }

        void value(Node n) throws ConfigException {
            value = scalar(n, "value");
        }

        void defaultValue(Node n) throws ConfigException {
            defaultValue = scalar(n, "default");
        }

        private String scalar(Node n, String key) throws ConfigException {
            if (n == null) {
                return null;
            }
            if (!(n instanceof ScalarNode s)) {
                throw new ConfigException(at, field + "." + key, "expected a single value");
            }
            return s.getValue();
        }

        void source(String s) throws ConfigException {
            if (s != null && !List.of("all", "env", "input", "none").contains(s.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(at, field + ".source", "'" + s + "' is not valid; use one of all, env, input, none");
            }
            source = s == null ? null : s.toLowerCase(Locale.ROOT);
        }

        void question(String q) {
            question = q;
        }

        void command(String c, List<String> a) {
            if (c != null) {
                command = c;
                args = new ArrayList<>(a);
            }
        }

        /** One of {@code commands}: used when its {@code os} is empty or this machine's. */
        void osCommand(String os, String c, List<String> a) {
            if (c != null && (os.isEmpty() || os.equalsIgnoreCase(BuilderBlockReader.osName()))) {
                command = c;
                args = new ArrayList<>(a);
            }
        }

        VariableDefinition build() {
            return new VariableDefinition(name, at, field, value, defaultValue, source, question, command, args);
        }
    }
}
