package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path of a profile patch, in the syntaxes DevSpace accepts: a JSON pointer ({@code /images/app/image},
 * {@code /deployments/0}, {@code /dev/ports/-}, yaml-patch's {@code /deployments/name=api}), or the dotted form
 * ({@code images.app.image}, {@code deployments[0].helm}, {@code deployments[name=api]}), optionally as JSONPath
 * ({@code $.images.*.image}, {@code deployments[?(@.name=='api')]}, {@code images["my-app"]}).
 */
record PatchPath(String text, List<Segment> segments) {

    /** One step of a path. */
    sealed interface Segment permits Key, Index, Append, Wildcard, Select {
    }

    /** A mapping key; on a list, a numeric key is an index. */
    record Key(String name) implements Segment {
    }

    record Index(int index) implements Segment {
    }

    /** {@code -}: after the last element of a list. */
    record Append() implements Segment {
    }

    /** {@code *}: every entry. */
    record Wildcard() implements Segment {
    }

    /** The list elements whose {@code field} is {@code value}. */
    record Select(String field, String value) implements Segment {
    }

    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern FILTER = Pattern.compile("\\?\\(@\\.([\\w.-]+)\\s*==\\s*['\"]?([^'\"]*)['\"]?\\)");
    private static final Pattern SELECT = Pattern.compile("([\\w.-]+)=(.*)");

    PatchPath {
        segments = List.copyOf(segments);
    }

    static PatchPath parse(String text) throws IllegalArgumentException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the path is empty");
        }
        List<Segment> out = new ArrayList<>();
        if (text.startsWith("/")) {
            for (String raw : text.substring(1).split("/", -1)) {
                String p = raw.replace("~1", "/").replace("~0", "~");
                out.add(pointerSegment(p));
            }
            return new PatchPath(text, out);
        }
        String s = text;
        if (s.startsWith("$.")) {
            s = s.substring(2);
        } else if (s.startsWith("$")) {
            s = s.substring(1);
        }
        for (String token : splitDots(s)) {
            int b = token.indexOf('[');
            String head = b < 0 ? token : token.substring(0, b);
            if (!head.isEmpty()) {
                out.add(head.equals("*") ? new Wildcard() : head.equals("-") ? new Append() : new Key(head));
            }
            if (b >= 0) {
                Matcher m = BRACKET.matcher(token.substring(b));
                int end = 0;
                while (m.find()) {
                    if (m.start() != end) {
                        throw new IllegalArgumentException("unexpected text in '" + token + "'");
                    }
                    end = m.end();
                    out.add(bracketSegment(m.group(1).trim()));
                }
                if (end != token.length() - b) {
                    throw new IllegalArgumentException("unclosed or unexpected '[' in '" + token + "'");
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the path names nothing");
        }
        return new PatchPath(text, out);
    }

    private static Segment pointerSegment(String p) {
        if (p.equals("-")) {
            return new Append();
        }
        if (p.equals("*")) {
            return new Wildcard();
        }
        Matcher sel = SELECT.matcher(p);
        if (sel.matches()) {
            return new Select(sel.group(1), sel.group(2));
        }
        return new Key(p);
    }

    private static Segment bracketSegment(String inner) {
        if (inner.equals("*")) {
            return new Wildcard();
        }
        if (inner.equals("-")) {
            return new Append();
        }
        if (inner.matches("\\d+")) {
            return new Index(Integer.parseInt(inner));
        }
        if ((inner.startsWith("\"") && inner.endsWith("\"") || inner.startsWith("'") && inner.endsWith("'")) && inner.length() >= 2) {
            return new Key(inner.substring(1, inner.length() - 1));
        }
        Matcher f = FILTER.matcher(inner);
        if (f.matches()) {
            return new Select(f.group(1), f.group(2));
        }
        Matcher sel = SELECT.matcher(inner);
        if (sel.matches()) {
            String v = sel.group(2).trim();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            return new Select(sel.group(1), v);
        }
        throw new IllegalArgumentException("'[" + inner + "]' is not an index, '*', a quoted key or a selector like [name=api]");
    }

    /** Splits on dots outside brackets and quotes. */
    private static List<String> splitDots(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty step (two dots in a row, or a dot at an end)");
        }
        return out;
    }
}
