package io.jenkins.plugins.devspacebuild.context;

import java.util.regex.PatternSyntaxException;

/**
 * The text {@link GoRegex} reads, as code points, with the position it has reached, and the readings shared by its
 * parts: RE2's single-character escapes and the errors that point into the expression.
 */
final class RegexCursor {
    final String source;
    final int[] cps;
    int pos;

    RegexCursor(String source) {
        this.source = source;
        this.cps = source.codePoints().toArray();
    }

    /** A single-character escape ({@code \.}, {@code \t}, {@code \x41}, {@code \101}) at {@code pos}: its code point. */
    int singleEscape() {
        int at = pos;
        pos++; // the backslash
        if (pos >= cps.length) {
            throw error("trailing backslash at end of expression", at);
        }
        int c = cps[pos++];
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return c;
        }
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                if (c != '0' && (pos >= cps.length || cps[pos] < '0' || cps[pos] > '7')) {
                    throw error("invalid escape sequence", at);
                }
                int r = c - '0';
                for (int k = 1; k < 3 && pos < cps.length && cps[pos] >= '0' && cps[pos] <= '7'; k++) {
                    r = r * 8 + cps[pos++] - '0';
                }
                return r;
            }
            case 'x' -> {
                return hexEscape(at);
            }
            case 'a' -> {
                return 7;
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'v' -> {
                return 0x0b;
            }
            default -> throw error("invalid escape sequence", at);
        }
    }

    private int hexEscape(int at) {
        if (pos >= cps.length) {
            throw error("invalid escape sequence", at);
        }
        if (cps[pos] == '{') {
            pos++;
            long r = 0;
            int n = 0;
            while (pos < cps.length && cps[pos] != '}') {
                int v = Character.digit(cps[pos++], 16);
                if (v < 0 || cps[pos - 1] > 0x7f || (r = r * 16 + v) > Character.MAX_CODE_POINT) {
                    throw error("invalid escape sequence", at);
                }
                n++;
            }
            if (pos >= cps.length || n == 0) {
                throw error("invalid escape sequence", at);
            }
            pos++;
            return (int) r;
        }
        if (pos + 1 >= cps.length || cps[pos] > 0x7f || cps[pos + 1] > 0x7f) {
            throw error("invalid escape sequence", at);
        }
        int x = Character.digit(cps[pos], 16);
        int y = Character.digit(cps[pos + 1], 16);
        if (x < 0 || y < 0) {
            throw error("invalid escape sequence", at);
        }
        pos += 2;
        return x * 16 + y;
    }

    int indexOf(String s, int from) {
        int[] t = s.codePoints().toArray();
        for (int i = from; i + t.length <= cps.length; i++) {
            boolean ok = true;
            for (int k = 0; k < t.length && ok; k++) {
                ok = cps[i + k] == t[k];
            }
            if (ok) {
                return i;
            }
        }
        return -1;
    }

    PatternSyntaxException error(String what, int at) {
        return new PatternSyntaxException(what, source, source.offsetByCodePoints(0, Math.min(at, cps.length)));
    }
}
