package io.jenkins.plugins.devspacebuild.config;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} substitution in devspace.yaml values, with DevSpace's syntax: {@code $${NAME}} is the literal text
 * {@code ${NAME}}, {@code $!{NAME}} is the same as {@code ${NAME}}.
 * <p>A name is looked up in this order: {@code --var NAME=VALUE} (or the step's variables), the build environment,
 * the {@code vars} section of devspace.yaml, then DevSpace's predefined variables ({@code DEVSPACE_RANDOM},
 * {@code DEVSPACE_TIMESTAMP}, {@code DEVSPACE_GIT_BRANCH}, {@code DEVSPACE_GIT_COMMIT}). Each predefined value is
 * computed once per run, so every use in one run sees the same value.
 */
public final class Variables {
    private static final Pattern VARIABLE = Pattern.compile("(\\$+)(!?)\\{([a-zA-Z0-9_.\\-]+)\\}");
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, String> explicit;
    private final Map<String, String> environment;
    private final Map<String, String> configDefaults = new HashMap<>();
    private final Map<String, Supplier<Optional<String>>> predefined = new HashMap<>();
    private final Map<String, Optional<String>> predefinedValues = new HashMap<>();

    public Variables(Map<String, String> explicit, Map<String, String> environment, GitInfo git) {
        this.explicit = Map.copyOf(explicit);
        this.environment = Map.copyOf(environment);
        SecureRandom random = new SecureRandom();
        predefined.put("DEVSPACE_RANDOM", () -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(ALPHANUM.charAt(random.nextInt(26)));
            }
            return Optional.of(sb.toString());
        });
        predefined.put("DEVSPACE_TIMESTAMP", () -> Optional.of(Long.toString(System.currentTimeMillis() / 1000)));
        predefined.put("DEVSPACE_GIT_BRANCH", git::branch);
        predefined.put("DEVSPACE_GIT_COMMIT", () -> git.commit().map(c -> c.substring(0, Math.min(8, c.length()))));
    }

    /** Registers a value from the {@code vars} section: used when neither --var nor the environment has the name. */
    void defineFromConfig(String name, String value) {
        configDefaults.put(name, value);
    }

    boolean isDefinedOutsideConfig(String name) {
        return explicit.containsKey(name) || environment.containsKey(name);
    }

    public Optional<String> lookup(String name) {
        if (explicit.containsKey(name)) {
            return Optional.of(explicit.get(name));
        }
        if (environment.containsKey(name)) {
            return Optional.of(environment.get(name));
        }
        if (configDefaults.containsKey(name)) {
            return Optional.of(configDefaults.get(name));
        }
        Supplier<Optional<String>> p = predefined.get(name);
        if (p != null) {
            return predefinedValues.computeIfAbsent(name, n -> p.get());
        }
        return Optional.empty();
    }

    /**
     * Substitutes every variable in {@code value}.
     *
     * @param where where the value starts; the line is advanced by the newlines before a variable
     * @param field the field's dotted path, for the error message
     */
    public String substitute(String value, Location where, String field) throws ConfigException {
        if (value.indexOf('$') < 0) {
            return value;
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(value, last, m.start());
            last = m.end();
            String dollars = m.group(1);
            String name = m.group(3);
            if (dollars.length() > 1) {
                // escaped: one '$' less, the rest literal
                out.append(dollars, 1, dollars.length()).append(m.group(2)).append('{').append(name).append('}');
                continue;
            }
            Optional<String> v = lookup(name);
            if (v.isEmpty()) {
                int extraLines = (int) value.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                Location at = new Location(where.file(), where.line() + extraLines, extraLines == 0 ? where.column() : 0);
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
