package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.util.Map;

/**
 * Docker's word processing for the instructions it expands ({@code ENV}, {@code LABEL}, {@code ARG}, {@code COPY},
 * {@code ADD}, {@code WORKDIR}, {@code USER}, {@code EXPOSE}, {@code VOLUME}, {@code FROM}): quote removal and
 * variable substitution, not word splitting.
 * <ul>
 * <li>{@code '...'}: literal; {@code "..."}: the escape character only escapes {@code "}, {@code $} and itself;
 * outside quotes it escapes any character</li>
 * <li>{@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}} (word when unset or empty), {@code ${NAME:+word}}
 * (word when set and not empty), {@code ${NAME:?message}} (error when unset or empty); an undefined variable is
 * empty; a {@code $} not followed by a name is kept</li>
 * </ul>
 */
final class ShellWords {
    private final String text;
    private final char escape;
    private final Map<String, String> env;
    private int pos;

    private ShellWords(String text, char escape, Map<String, String> env) {
        this.text = text;
        this.escape = escape;
        this.env = env;
    }

    /**
     * @param escape the Dockerfile's escape character ({@code \} or {@code `})
     * @param env    the variables in scope (build arguments overlaid by the environment)
     * @throws IllegalArgumentException with Docker's explanation when the word is malformed
     */
    static String process(String word, char escape, Map<String, String> env) {
        ShellWords w = new ShellWords(word, escape, env);
        return w.until((char) 0, false);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private String until(char stop, boolean stopDefined) {
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (stopDefined && c == stop) {
                pos++;
                return out.toString();
            }
            if (c == '\'') {
                out.append(singleQuoted());
            } else if (c == '"') {
                out.append(doubleQuoted());
            } else if (c == '$') {
                out.append(dollar());
            } else {
                pos++;
                if (c == escape) {
                    if (atEnd()) {
                        break;
                    }
                    c = text.charAt(pos++);
                }
                out.append(c);
            }
        }
        if (stopDefined) {
            throw new IllegalArgumentException("missing '" + stop + "' in '" + text + "'");
        }
        return out.toString();
    }

    private String singleQuoted() {
        pos++;
        int end = text.indexOf('\'', pos);
        if (end < 0) {
            throw new IllegalArgumentException("unexpected end of statement while looking for matching single-quote in '" + text + "'");
        }
        String s = text.substring(pos, end);
        pos = end + 1;
        return s;
    }

    private String doubleQuoted() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new IllegalArgumentException("unexpected end of statement while looking for matching double-quote in '" + text + "'");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '$') {
                out.append(dollar());
                continue;
            }
            pos++;
            if (c == escape) {
                if (atEnd()) {
                    continue;
                }
                char next = text.charAt(pos);
                if (next == '"' || next == '$' || next == escape) {
                    c = next;
                    pos++;
                }
            }
            out.append(c);
        }
    }

    private String dollar() {
        pos++;
        if (atEnd()) {
            return "$";
        }
        if (text.charAt(pos) != '{') {
            String name = name();
            return name.isEmpty() ? "$" : env.getOrDefault(name, "");
        }
        pos++;
        String name = name();
        if (atEnd()) {
            throw new IllegalArgumentException("missing '}' in '" + text + "'");
        }
        char c = text.charAt(pos++);
        if (c == '}') {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("bad substitution ${} in '" + text + "'");
            }
            return env.getOrDefault(name, "");
        }
        if (c != ':') {
            throw new IllegalArgumentException("missing ':' in substitution ${" + name + c + "...} in '" + text + "'");
        }
        if (atEnd()) {
            throw new IllegalArgumentException("missing '}' in '" + text + "'");
        }
        char modifier = text.charAt(pos++);
        String word = until('}', true);
        String value = env.getOrDefault(name, "");
        return switch (modifier) {
            case '-' -> value.isEmpty() ? word : value;
            case '+' -> value.isEmpty() ? "" : word;
            case '?' -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                }
                yield value;
            }
            default -> throw new IllegalArgumentException("unsupported modifier (" + modifier + ") in substitution ${" + name + ":"
                    + modifier + "...} in '" + text + "'");
        };
    }

    private String name() {
        int start = pos;
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }
}
