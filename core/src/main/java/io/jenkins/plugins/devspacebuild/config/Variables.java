package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} substitution in devspace.yaml values, with DevSpace's syntax: {@code $${NAME}} is the literal text
 * {@code ${NAME}}, {@code $!{NAME}} is the same as {@code ${NAME}}.
 * <p>A name is looked up in this order: {@code --var NAME=VALUE} (or the step's variables), the build environment
 * (unless its definition says {@code source: none} or {@code input}), the {@code vars} section of devspace.yaml
 * ({@code value}, {@code command}, {@code default}; a {@code question} without answer is an error naming the
 * variable), then DevSpace's predefined variables. {@code ${runtime.images.NAME.image}} and {@code .tag} are known
 * only once the image is built: they are left in place in custom build commands, where {@link RuntimeVariables}
 * resolves them, and refused elsewhere.
 */
public final class Variables {
    private static final Pattern VARIABLE = Pattern.compile("(\\$+)(!?)\\{([a-zA-Z0-9_.\\-]+)\\}");
    private static final int MAX_DEPTH = 20;

    private final Map<String, String> explicit;
    private final Map<String, String> environment;
    private final PredefinedVariables predefined;
    private final ConfigCommands commands;
    private final ConfigExpressions expressions;
    private final Map<String, VariableDefinition> definitions = new HashMap<>();
    private final Map<String, String> resolved = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    Variables(Map<String, String> explicit, Map<String, String> environment, PredefinedVariables predefined, ConfigCommands commands,
              ConfigExpressions expressions) {
        this.explicit = Map.copyOf(explicit);
        this.environment = Map.copyOf(environment);
        this.predefined = predefined;
        this.commands = commands;
        this.expressions = expressions;
    }

    /** Registers a definition from the {@code vars} section; the first definition of a name wins. */
    void define(VariableDefinition d) {
        definitions.putIfAbsent(d.name(), d);
    }

    Optional<VariableDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The value of {@code name}, or empty when nothing defines it. */
    public Optional<String> lookup(String name) throws ConfigException {
        if (explicit.containsKey(name)) {
            return Optional.of(explicit.get(name));
        }
        VariableDefinition d = definitions.get(name);
        if (environment.containsKey(name) && (d == null || d.readsEnvironment())) {
            return Optional.of(environment.get(name));
        }
        if (d != null) {
            return Optional.of(resolve(d));
        }
        Optional<PredefinedVariables.ConfigValue> p = predefined.lookup(name);
        if (p.isPresent()) {
            if (p.get().problem() != null) {
                throw new ConfigException("predefined variable ${" + name + "} has no value: " + p.get().problem()
                        + "; pass --var " + name + "=VALUE");
            }
            return Optional.of(p.get().value());
        }
        return Optional.empty();
    }

    private String resolve(VariableDefinition d) throws ConfigException {
        String known = resolved.get(d.name());
        if (known != null) {
            return known;
        }
        if (resolving.contains(d.name()) || resolving.size() > MAX_DEPTH) {
            throw new ConfigException(d.location(), d.field(), "variable " + d.name() + " refers to itself through " + String.join(" -> ",
                    resolving) + "; break the cycle");
        }
        resolving.push(d.name());
        try {
            String what = "variable " + d.name() + " (" + d.location() + ", " + d.field() + ")";
            String v;
            if (d.value() != null) {
                v = substitute(d.value(), d.location(), d.field() + ".value");
            } else if (d.command() != null) {
                v = commands.run(d.command(), d.args(), what);
            } else if (d.defaultValue() != null) {
                v = substitute(d.defaultValue(), d.location(), d.field() + ".default");
            } else if (d.source().equals("env")) {
                throw new ConfigException(d.location(), d.field(), "variable " + d.name() + " must come from the environment (source: env), "
                        + "which does not set it; set " + d.name() + " in the build's environment or pass --var " + d.name() + "=VALUE");
            } else {
                String asks = d.question() == null ? "" : " (it asks \"" + d.question() + "\")";
                throw new ConfigException(d.location(), d.field(), "variable " + d.name() + " needs an answer" + asks
                        + ", and devspace-build never asks; pass --var " + d.name() + "=VALUE (step option 'variables'), set it in the "
                        + "environment, or give it a default");
            }
            resolved.put(d.name(), v);
            return v;
        } finally {
            resolving.pop();
        }
    }

    /**
     * Substitutes every variable in {@code value}, then (v2beta1) runs its {@code $(command)} expressions.
     *
     * @param where where the value starts; the line is advanced by the newlines before a variable
     * @param field the field's dotted path, for the error message
     */
    public String substitute(String value, Location where, String field) throws ConfigException {
        String out = value.indexOf('$') < 0 ? value : substituteVariables(value, where, field);
        return expressions.evaluate(out, where, field);
    }

    private String substituteVariables(String value, Location where, String field) throws ConfigException {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int extraLines = 0; // newlines before the current match, counted once each (linear in the value's length)
        while (m.find()) {
            for (int i = last; i < m.start(); i++) {
                if (value.charAt(i) == '\n') {
                    extraLines++;
                }
            }
            out.append(value, last, m.start());
            last = m.end();
            String dollars = m.group(1);
            String name = m.group(3);
            if (dollars.length() > 1) {
                // escaped: one '$' less, the rest literal
                out.append(dollars, 1, dollars.length()).append(m.group(2)).append('{').append(name).append('}');
                continue;
            }
            Location at = new Location(where.file(), where.line() + extraLines, extraLines == 0 ? where.column() : 0);
            if (RuntimeVariables.isRuntime(name)) {
                if (!RuntimeVariables.resolvedAtBuildTime(field)) {
                    throw new ConfigException(at, field, "${" + name + "} is only known once the image is built; devspace-build resolves "
                            + "runtime variables in custom build commands (command, args, appendArgs) only");
                }
                out.append(m.group());
                continue;
            }
            Optional<String> v;
            try {
                v = lookup(name);
            } catch (ConfigException e) {
                throw e.getMessage().startsWith(where.file() + ":") ? e : new ConfigException(at, field, e.getMessage());
            }
            if (v.isEmpty()) {
                throw new ConfigException(at, field, "variable ${" + name + "} is not defined; set it in the environment, "
                        + "pass --var " + name + "=VALUE, define it under 'vars' in devspace.yaml, or write $${" + name
                        + "} for the literal text");
            }
            out.append(v.get());
        }
        out.append(value, last, value.length());
        return out.toString();
    }
}
