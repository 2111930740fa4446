package io.jenkins.plugins.devspacebuild.config;

import java.util.List;

/**
 * v2beta1's config expressions: {@code $(command)} inside a value is replaced by the command's output (DevSpace 6
 * runs them with its shell in the project directory). {@code $$(} is the literal text {@code $(}. Older config
 * versions have no expressions: their values are left as written.
 */
final class ConfigExpressions {
    private final boolean enabled;
    private final ConfigCommands commands;

    ConfigExpressions(boolean enabled, ConfigCommands commands) {
        this.enabled = enabled;
        this.commands = commands;
    }

    static ConfigExpressions none() {
        return new ConfigExpressions(false, null);
    }

    String evaluate(String value, Location where, String field) throws ConfigException {
        if (!enabled || !value.contains("$(")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("$(", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            if (start > 0 && value.charAt(start - 1) == '$') {
                // $$( : the literal text $(
                out.append(value, i, start - 1).append("$(");
                i = start + 2;
                continue;
            }
            out.append(value, i, start);
            int end = closingParen(value, start + 2);
            if (end < 0) {
                throw new ConfigException(where, field, "the expression starting with '" + abbreviate(value.substring(start))
                        + "' has no closing ')'; close it, or write $$( for the literal text");
            }
            String command = value.substring(start + 2, end);
            out.append(commands.run(command, List.of(), "expression $(" + abbreviate(command) + ") at " + where + " (" + field + ")"));
            i = end + 1;
        }
        return out.toString();
    }

    private static int closingParen(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
