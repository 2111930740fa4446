package io.jenkins.plugins.devspacebuild.context;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One .dockerignore pattern with the Docker CLI's matching rules (moby/patternmatcher): the pattern must be valid for
 * Go's {@code filepath.Match}; then {@code *} and {@code ?} become wildcards that stop at '/', {@code **} crosses
 * directories, {@code \} escapes the next character, {@code . + ( ) $} are quoted, and everything else is left to Go's
 * regular expressions ({@link GoRegex}): so {@code [a-c]} and {@code [[:digit:]]} are classes, {@code \d} is a digit,
 * {@code {2}} repeats, {@code |} alternates and {@code ^} anchors, exactly as in Docker. The exact, prefix
 * ({@code dir/**}) and suffix ({@code **}{@code /name}) shortcuts the reference takes before the expression are
 * reproduced too (they differ from the expression in a few corner cases).
 */
final class IgnorePattern {
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX, STAR_LITERAL, ANY_DIR_STAR_LITERAL }

    private final String cleaned;
    private final boolean exclusion;
    private final int dirCount;
    private final int line;
    private Kind kind;
    private Pattern regex;
    /** For STAR_LITERAL ({@code *L}) and ANY_DIR_STAR_LITERAL ({@code **}{@code /*L}): L. */
    private String literal;
    private PatternSyntaxException invalid;

    IgnorePattern(String cleaned, boolean exclusion) throws PatternSyntaxException {
        this(cleaned, exclusion, 0);
    }

    /**
     * @param line the pattern's line in the ignore file, for errors (0: added, not written)
     * @throws PatternSyntaxException when the pattern is not a valid glob for Go's {@code filepath.Match} (Docker
     *                                refuses the ignore file at once). An expression Go's regular expressions reject
     *                                is only an error when the pattern is first tried on a path, as in Docker.
     */
    IgnorePattern(String cleaned, boolean exclusion, int line) throws PatternSyntaxException {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        this.line = line;
        this.dirCount = cleaned.split("/", -1).length;
        checkGlobSyntax(cleaned);
        compile();
    }

    int line() {
        return line;
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

    /** @throws PatternSyntaxException when Go's regular expressions reject the pattern (Docker then fails too) */
    boolean matches(String path) throws PatternSyntaxException {
        if (invalid != null) {
            throw invalid;
        }
        return switch (kind) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                yield path.endsWith(suffix) || (!suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).find(); // Go's MatchString: not anchored beyond the ^ and $ written
            // the same results as their regexes ^[^/]*L$ and ^(.*/)?[^/]*L$, without running them (the common
            // "*.log", "**/*.tmp"); a path with a line terminator, which '.' does not match, takes the regex
            case STAR_LITERAL -> plain(path) ? path.endsWith(literal) && path.indexOf('/') < 0 : regex.matcher(path).find();
            case ANY_DIR_STAR_LITERAL -> plain(path) ? path.endsWith(literal) : regex.matcher(path).find();
        };
    }

    /** The regex's answer, for patterns that have one (tests compare it with the shortcuts). */
    boolean matchesByRegex(String path) {
        return regex.matcher(path).find();
    }

    private static boolean plain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /** L when the glob is {@code prefix} followed by L of letters, digits, '.', '-' and '_' only (literal in the regex); else null. */
    private String literalAfter(String prefix) {
        if (!cleaned.startsWith(prefix) || cleaned.length() == prefix.length()) {
            return null;
        }
        String l = cleaned.substring(prefix.length());
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) {
                return null;
            }
        }
        return l;
    }

    /** patternmatcher's {@code compile}: the Go expression it builds, character for character. */
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
            } else if (ch == '.' || ch == '+' || ch == '(' || ch == ')' || ch == '$') {
                // the only characters quoted (the reference's table means to quote | { } too, but does not)
                re.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (pos < n) {
                    re.append('\\').appendCodePoint(cps[pos++]);
                    kind = Kind.REGEX;
                } else {
                    re.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                re.appendCodePoint(ch);
                kind = Kind.REGEX;
            } else {
                re.appendCodePoint(ch);
            }
        }
        if (kind == Kind.REGEX) {
            re.append('$');
            try {
                regex = GoRegex.compile(re.toString());
            } catch (PatternSyntaxException e) {
                invalid = e; // patternmatcher compiles on first use: Docker fails only if the pattern is ever tried
            }
            if (invalid == null && (literal = literalAfter("**/*")) != null) {
                kind = Kind.ANY_DIR_STAR_LITERAL;
            } else if (invalid == null && (literal = literalAfter("*")) != null) {
                kind = Kind.STAR_LITERAL;
            }
        }
    }

    /**
     * Go's {@code filepath.Match} syntax rules, which patternmatcher checks first: a {@code \} must escape something,
     * and a {@code [} class must be closed, hold at least one character or range, and not start an element with '-'
     * or ']'.
     */
    static void checkGlobSyntax(String pattern) throws PatternSyntaxException {
        int[] cps = pattern.codePoints().toArray();
        int n = cps.length;
        int i = 0;
        while (i < n) {
            int c = cps[i];
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new PatternSyntaxException("syntax error in pattern (a \\ at the end escapes nothing)", pattern, i);
                }
                i += 2;
            } else if (c == '[') {
                int at = i;
                i++;
                if (i < n && cps[i] == '^') {
                    i++;
                }
                int ranges = 0;
                while (true) {
                    if (i < n && cps[i] == ']' && ranges > 0) {
                        i++;
                        break;
                    }
                    i = classChar(cps, i, pattern, at);
                    if (cps[i] == '-') {
                        i = classChar(cps, i + 1, pattern, at);
                    }
                    ranges++;
                }
            } else {
                i++;
            }
        }
    }

    /** Go's {@code getEsc}: one class character at {@code i}; something must follow it. */
    private static int classChar(int[] cps, int i, String pattern, int classAt) {
        int n = cps.length;
        if (i >= n || cps[i] == '-' || cps[i] == ']') {
            throw new PatternSyntaxException("syntax error in pattern (a [ ] class is empty, unclosed or has a"
                    + " misplaced - or ])", pattern, classAt);
        }
        if (cps[i] == '\\') {
            i++;
        }
        i++;
        if (i >= n) {
            throw new PatternSyntaxException("syntax error in pattern (a [ ] class is not closed)", pattern, classAt);
        }
        return i;
    }
}
