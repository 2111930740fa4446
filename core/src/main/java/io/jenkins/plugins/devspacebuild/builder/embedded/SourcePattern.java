package io.jenkins.plugins.devspacebuild.builder.embedded;

/**
 * A COPY/ADD source with wildcards, matched the way Docker matches it against every path of the context (Go's
 * {@code filepath.Match}): {@code *} is any run of characters other than '/', {@code ?} one such character,
 * {@code [a-z]} / {@code [^a-z]} a class, and the escape {@code \} makes the next character literal. The whole path
 * must match.
 */
final class SourcePattern {
    private final String pattern;

    SourcePattern(String pattern) {
        this.pattern = pattern;
    }

    /** Whether a source has wildcards at all (an escaped wildcard does not count), as Docker decides it. */
    static boolean hasWildcards(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws IllegalArgumentException when the pattern is malformed (an unclosed class, a trailing escape)
     */
    boolean matches(String path) {
        return match(0, path, 0);
    }

    private boolean match(int pi, String name, int ni) {
        while (pi < pattern.length()) {
            char c = pattern.charAt(pi);
            if (c == '*') {
                int next = pi;
                while (next < pattern.length() && pattern.charAt(next) == '*') {
                    next++;
                }
                for (int k = ni; ; k++) {
                    if (match(next, name, k)) {
                        return true;
                    }
                    if (k >= name.length() || name.charAt(k) == '/') {
                        return false;
                    }
                }
            }
            if (ni >= name.length()) {
                checkRest(pi);
                return false;
            }
            char n = name.charAt(ni);
            if (c == '?') {
                if (n == '/') {
                    return false;
                }
                pi++;
                ni++;
            } else if (c == '[') {
                int end = classEnd(pi);
                if (n == '/' || !inClass(pi + 1, end, n)) {
                    return false;
                }
                pi = end + 1;
                ni++;
            } else {
                if (c == '\\') {
                    pi++;
                    if (pi >= pattern.length()) {
                        throw new IllegalArgumentException("the pattern '" + pattern + "' ends with an escape");
                    }
                    c = pattern.charAt(pi);
                }
                if (c != n) {
                    return false;
                }
                pi++;
                ni++;
            }
        }
        return ni == name.length();
    }

    /** Reports a malformed remainder even when the name ran out first (Go reports ErrBadPattern then too). */
    private void checkRest(int pi) {
        for (int i = pi; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '[') {
                i = classEnd(i);
            } else if (c == '\\') {
                if (++i >= pattern.length()) {
                    throw new IllegalArgumentException("the pattern '" + pattern + "' ends with an escape");
                }
            }
        }
    }

    /** The index of the ']' that closes the class opened at {@code open}. */
    private int classEnd(int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            if (c == '\\') {
                i++;
            }
            first = false;
            i++;
        }
        throw new IllegalArgumentException("the pattern '" + pattern + "' has an unclosed '['");
    }

    private boolean inClass(int from, int end, char n) {
        int i = from;
        boolean negated = false;
        if (pattern.charAt(i) == '^') {
            negated = true;
            i++;
        }
        boolean matched = false;
        while (i < end) {
            char lo = pattern.charAt(i);
            if (lo == '\\') {
                lo = pattern.charAt(++i);
            }
            i++;
            char hi = lo;
            if (i + 1 < end && pattern.charAt(i) == '-') {
                hi = pattern.charAt(i + 1);
                i += 2;
                if (hi == '\\') {
                    hi = pattern.charAt(i++);
                }
            }
            if (lo <= n && n <= hi) {
                matched = true;
            }
        }
        return matched != negated;
    }
}
