package io.jenkins.plugins.devspacebuild.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code vars} section: v1beta* a list of {@code {name, default, value, source, command, question, ...}}, v2beta1
 * a mapping of name to a value or to such a definition. Definitions are registered with {@link Variables}; values
 * given on the command line or in the environment win.
 */
final class VarsReader {
    private VarsReader() {
    }

    static void read(YamlMapping doc, Variables variables) throws ConfigException {
        Node vars = doc.node("vars");
        if (vars == null) {
            return;
        }
        SourceFile source = doc.source();
        if (vars instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                String path = "vars[" + i++ + "]";
                source.problems().attempt(() -> {
                    YamlMapping v = YamlMapping.of(path, item, source);
                    String name = v.string("name");
                    if (name == null) {
                        throw new ConfigException(v.location(), v.path(), "a variable needs a 'name'");
                    }
                    definition(v, name, variables);
                });
            }
        } else {
            YamlMapping map = YamlMapping.of("vars", vars, source);
            for (String name : map.keys()) {
                Node n = map.node(name);
                source.problems().attempt(() -> {
                    if (n instanceof MappingNode) {
                        definition(YamlMapping.of("vars." + name, n, source), name, variables);
                    } else if (n != null) {
                        variables.define(VariableDefinition.value(name, (org.yaml.snakeyaml.nodes.ScalarNode) requireScalar(map, name, n),
                                source.at(n), "vars." + name));
                    }
                });
            }
        }
    }

    private static Node requireScalar(YamlMapping map, String name, Node n) throws ConfigException {
        if (!(n instanceof org.yaml.snakeyaml.nodes.ScalarNode)) {
            throw new ConfigException(map.source().at(n), "vars." + name, "expected a value or a mapping with default, command, question, ...");
        }
        return n;
    }

    private static void definition(YamlMapping v, String name, Variables variables) throws ConfigException {
        VariableDefinition.Builder d = VariableDefinition.builder(name, v.location(), v.path());
        d.value(v.node("value"));
        d.defaultValue(v.node("default"));
        d.source(v.string("source"));
        d.question(v.string("question"));
        d.command(v.string("command"), BuilderBlockReader.orEmpty(v.stringList("args", "[\"--short\", \"HEAD\"]")));
        Node commands = v.node("commands");
        if (commands instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                YamlMapping c = YamlMapping.of(v.child("commands") + "[" + i++ + "]", item, v.source());
                d.osCommand(c.string("os", ""), c.string("command"), BuilderBlockReader.orEmpty(c.stringList("args", "[\"HEAD\"]")));
                c.rejectUnknown(java.util.Set.of());
            }
        } else if (commands != null) {
            throw new ConfigException(v.source().at(commands), v.child("commands"), "expected a list of {command, args, os}");
        }
        v.ignore("options", "password", "validationPattern", "validationMessage", "noCache", "alwaysResolve", "name");
        v.rejectUnknown(java.util.Set.of());
        variables.define(d.build());
    }
}
