package io.jenkins.plugins.devspacebuild.context;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One .dockerignore pattern with the Docker CLI's matching rules (moby/patternmatcher): {@code *} and {@code ?} stop at
 * '/', {@code **} crosses directories, {@code [a-c]} classes, {@code \} escapes the next character, and the exact,
 * prefix ({@code dir/**}) and suffix ({@code **}{@code /name}) shortcuts that the reference implementation takes
 * before falling back to a regular expression (they differ from the expression in a few corner cases, so they are
 * reproduced too).
 */
final class IgnorePattern {
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private final String cleaned;
    private final boolean exclusion;
    private final int dirCount;
    private Kind kind;
    private Pattern regex;

    IgnorePattern(String cleaned, boolean exclusion) throws PatternSyntaxException {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        this.dirCount = cleaned.split("/", -1).length;
        compile();
    }

    /** The pattern without its '!', as cleaned. */
    String text() {
        return cleaned;
    }

    boolean isExclusion() {
        return exclusion;
    }

    int dirCount() {
        return dirCount;
    }

    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                yield path.endsWith(suffix) || (!suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).matches();
        };
    }

    private void compile() {
        StringBuilder re = new StringBuilder("^");
        kind = Kind.EXACT;
        int[] cps = cleaned.codePoints().toArray();
        int n = cps.length;
        int pos = 0;
        for (int i = 0; pos < n; i++) {
            int ch = cps[pos++];
            if (ch == '*') {
                if (pos < n && cps[pos] == '*') {
                    pos++;
                    if (pos < n && cps[pos] == '/') {
                        pos++;
                    }
                    if (pos >= n) {
                        if (kind == Kind.EXACT) {
                            kind = Kind.PREFIX;
                        } else {
                            re.append(".*");
                            kind = Kind.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        kind = Kind.REGEX;
                    }
                    if (i == 0) {
                        kind = Kind.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    kind = Kind.REGEX;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                kind = Kind.REGEX;
            } else if (ch == '\\') {
                if (pos < n) {
                    appendLiteral(re, cps[pos++]);
                    kind = Kind.REGEX;
                } else {
                    re.append("\\\\");
                }
            } else if (ch == '[' || ch == ']') {
                re.append((char) ch);
                kind = Kind.REGEX;
                if (ch == '[') {
                    pos = appendClass(re, cps, pos);
                }
            } else {
                appendLiteral(re, ch);
            }
        }
        if (kind == Kind.REGEX) {
            re.append('$');
            regex = Pattern.compile(re.toString(), Pattern.DOTALL);
        }
    }

    /**
     * Copies a bracket class body up to its closing ']' into a Java expression. Go's RE2 and Java read classes alike,
     * except that Java gives '[' and '&&' inside a class a meaning of their own: those are escaped.
     */
    private static int appendClass(StringBuilder re, int[] cps, int pos) {
        int n = cps.length;
        int start = pos;
        while (pos < n) {
            int ch = cps[pos];
            if (ch == ']' && pos > start && !(pos == start + 1 && cps[start] == '^')) {
                return pos; // the ']' itself is appended by the main loop
            }
            if (ch == '\\' && pos + 1 < n) {
                re.append('\\').appendCodePoint(cps[pos + 1]);
                pos += 2;
                continue;
            }
            if (ch == '[' || ch == '&') {
                re.append('\\');
            }
            re.appendCodePoint(ch);
            pos++;
        }
        return pos;
    }

    private static void appendLiteral(StringBuilder re, int ch) {
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '/' || ch == '_' || ch == '-' || ch > 127) {
            re.appendCodePoint(ch);
        } else {
            re.append('\\').appendCodePoint(ch);
        }
    }
}
