package io.jenkins.plugins.devspacebuild.context;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Go (RE2) regular expression, as Docker's pattern matcher builds from a .dockerignore pattern, into an
 * equivalent {@link Pattern}. The matcher leaves most of a pattern's text to the expression engine ({@code \d},
 * {@code [[:digit:]]}, {@code {2}}, {@code |} and {@code ^} keep their regular-expression meaning), so the RE2 syntax is
 * read here and written out in Java's, with RE2's rules where the two differ: {@code .} does not match a newline,
 * {@code $} is the end of the text, classes are not nested ({@code [} and {@code &&} are plain), {@code \s} has no
 * vertical tab, escapes Java knows but RE2 does not (and stacked repetitions) are errors. Match with
 * {@code find()}: Go's {@code MatchString} is unanchored.
 */
final class GoRegex {
    private static final String WORD = "[0-9A-Za-z_]";
    private static final String SPACE = "\\t\\n\\f\\r ";
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\x{0}-\\x{7f}"),
            Map.entry("blank", "\\t "), Map.entry("cntrl", "\\x{0}-\\x{1f}\\x{7f}"), Map.entry("digit", "0-9"),
            Map.entry("graph", "!-~"), Map.entry("lower", "a-z"), Map.entry("print", " -~"),
            Map.entry("punct", "!-/:-@\\[-`{-~"), Map.entry("space", "\\t\\n\\x{b}\\f\\r "), Map.entry("upper", "A-Z"),
            Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));

    private final String source;
    private final int[] cps;
    private int pos;

    private GoRegex(String source) {
        this.source = source;
        this.cps = source.codePoints().toArray();
    }

    static Pattern compile(String re2) throws PatternSyntaxException {
        return Pattern.compile(new GoRegex(re2).translate(), Pattern.UNIX_LINES);
    }

    private String translate() {
        StringBuilder out = new StringBuilder();
        boolean operand = false; // something a repetition can apply to precedes
        boolean repeated = false; // and it is itself a repetition
        while (pos < cps.length) {
            int c = cps[pos];
            if (c == '*' || c == '+' || c == '?') {
                checkRepeat(operand, repeated, pos);
                out.appendCodePoint(c);
                pos++;
                repeated = true;
                continue;
            }
            if (c == '{') {
                int end = repeatEnd();
                if (end > 0) {
                    checkRepeat(operand, repeated, pos);
                    out.append(source, source.offsetByCodePoints(0, pos), source.offsetByCodePoints(0, end));
                    pos = end;
                    repeated = true;
                    continue;
                }
            }
            repeated = false;
            operand = true;
            switch (c) {
                case '\\' -> escape(out);
                case '[' -> charClass(out);
                case '(' -> {
                    out.append("(?:");
                    operand = false;
                    pos++;
                }
                case '|' -> {
                    out.append('|');
                    operand = false;
                    pos++;
                }
                case ')' -> {
                    out.append(')');
                    pos++;
                }
                case '^' -> {
                    out.append("(?:^)");
                    pos++;
                }
                case '$' -> {
                    out.append("(?:\\z)");
                    pos++;
                }
                case '.' -> {
                    out.append('.');
                    pos++;
                }
                default -> {
                    literal(out, c);
                    pos++;
                }
            }
        }
        return out.toString();
    }

    private void checkRepeat(boolean operand, boolean repeated, int at) {
        if (!operand) {
            throw error("missing argument to repetition operator", at);
        }
        if (repeated) {
            throw error("invalid nested repetition operator", at);
        }
    }

    /** The end of a valid {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code pos}, or -1 when '{' is a literal. */
    private int repeatEnd() {
        int i = pos + 1;
        int end = number(i);
        if (end < 0 || end >= cps.length) {
            return -1;
        }
        int min = value(i, end);
        i = end;
        int max = min;
        if (cps[i] == ',') {
            i++;
            max = -1;
            if (i < cps.length && cps[i] != '}') {
                end = number(i);
                if (end < 0) {
                    return -1;
                }
                max = value(i, end);
                i = end;
            }
        }
        if (i >= cps.length || cps[i] != '}') {
            return -1;
        }
        if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
            throw error("invalid repeat count", pos);
        }
        return i + 1;
    }

    /** The end of the decimal number at {@code i} (RE2 takes no leading zero), or -1. */
    private int number(int i) {
        int start = i;
        while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
            i++;
        }
        if (i == start || (i - start > 1 && cps[start] == '0')) {
            return -1;
        }
        return i;
    }

    private int value(int from, int to) {
        return to - from > 7 ? Integer.MAX_VALUE : Integer.parseInt(new String(cps, from, to - from));
    }

    /** An escape outside a class. */
    private void escape(StringBuilder out) {
        int at = pos;
        if (pos + 1 >= cps.length) {
            throw error("trailing backslash at end of expression", at);
        }
        int c = cps[pos + 1];
        switch (c) {
            case 'A' -> {
                out.append("\\A");
                pos += 2;
            }
            case 'z' -> {
                out.append("\\z");
                pos += 2;
            }
            case 'b' -> {
                out.append("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
                pos += 2;
            }
            case 'B' -> {
                out.append("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
                pos += 2;
            }
            case 'Q' -> {
                pos += 2;
                while (pos < cps.length && !(cps[pos] == '\\' && pos + 1 < cps.length && cps[pos + 1] == 'E')) {
                    literal(out, cps[pos++]);
                }
                if (pos < cps.length) {
                    pos += 2;
                }
            }
            default -> {
                String set = classEscape();
                if (set != null) {
                    out.append('[').append(set).append(']');
                } else {
                    literal(out, singleEscape());
                }
            }
        }
    }

    /** A Perl ({@code \d}) or Unicode ({@code \pL}) class at {@code pos}, as Java class content, or null. */
    private String classEscape() {
        if (cps[pos] != '\\' || pos + 1 >= cps.length) {
            return null;
        }
        int c = cps[pos + 1];
        String set = switch (c) {
            case 'd' -> "0-9";
            case 'D' -> "^0-9";
            case 's' -> SPACE;
            case 'S' -> "^" + SPACE;
            case 'w' -> "0-9A-Za-z_";
            case 'W' -> "^0-9A-Za-z_";
            default -> null;
        };
        if (set != null) {
            pos += 2;
            return set;
        }
        if (c != 'p' && c != 'P') {
            return null;
        }
        int at = pos;
        boolean negated = c == 'P';
        pos += 2;
        if (pos >= cps.length) {
            throw error("invalid character class range", at);
        }
        String name;
        if (cps[pos] == '{') {
            int close = pos;
            while (close < cps.length && cps[close] != '}') {
                close++;
            }
            if (close >= cps.length) {
                throw error("invalid character class range", at);
            }
            name = new String(cps, pos + 1, close - pos - 1);
            pos = close + 1;
        } else {
            name = new String(cps, pos, 1);
            pos++;
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String java;
        if (name.equals("Any")) {
            java = "\\x{0}-\\x{10ffff}";
        } else if (name.matches("[A-Z][a-z]?")) {
            java = "\\p{" + name + "}";
        } else if (name.matches("[A-Za-z_]+")) {
            java = "\\p{Is" + name + "}";
        } else {
            throw error("invalid character class range", at);
        }
        return negated ? "^" + java : java;
    }

    /** A single-character escape ({@code \.}, {@code \t}, {@code \x41}, {@code \101}) at {@code pos}: its code point. */
    private int singleEscape() {
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

    /** A bracket class at {@code pos}, RE2's reading: ']' and '-' plain when first, [:name:] groups, no nesting. */
    private void charClass(StringBuilder out) {
        int at = pos;
        pos++;
        StringBuilder set = new StringBuilder();
        boolean negated = pos < cps.length && cps[pos] == '^';
        if (negated) {
            pos++;
        }
        boolean first = true;
        while (pos >= cps.length || cps[pos] != ']' || first) {
            if (pos >= cps.length) {
                throw error("missing closing ]", at);
            }
            first = false;
            if (cps[pos] == '[' && pos + 2 < cps.length && cps[pos + 1] == ':') {
                int close = indexOf(":]", pos + 2);
                if (close >= 0) {
                    String name = new String(cps, pos + 2, close - pos - 2);
                    boolean neg = name.startsWith("^");
                    String range = POSIX.get(neg ? name.substring(1) : name);
                    if (range == null) {
                        throw error("invalid character class range", pos);
                    }
                    set.append('[').append(neg ? "^" : "").append(range).append(']');
                    pos = close + 2;
                    continue;
                }
            }
            String escaped = classEscape();
            if (escaped != null) {
                set.append('[').append(escaped).append(']');
                continue;
            }
            int rangeAt = pos;
            int lo = classChar(at);
            int hi = lo;
            if (pos + 1 < cps.length && cps[pos] == '-' && cps[pos + 1] != ']') {
                pos++;
                hi = classChar(at);
                if (hi < lo) {
                    throw error("invalid character class range", rangeAt);
                }
            }
            hex(set, lo);
            if (hi != lo) {
                set.append('-');
                hex(set, hi);
            }
        }
        pos++; // the ']'
        if (negated) {
            // any character (newline too) not in the set; a lookahead keeps nested classes out of a negation
            out.append("(?:(?![").append(set).append("])[\\x{0}-\\x{10ffff}])");
        } else {
            out.append('[').append(set).append(']');
        }
    }

    private int classChar(int classAt) {
        if (pos >= cps.length) {
            throw error("missing closing ]", classAt);
        }
        if (cps[pos] == '\\') {
            return singleEscape();
        }
        return cps[pos++];
    }

    private int indexOf(String s, int from) {
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

    private static void literal(StringBuilder out, int c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_') {
            out.append((char) c);
        } else {
            hex(out, c);
        }
    }

    private static void hex(StringBuilder out, int c) {
        out.append("\\x{").append(Integer.toHexString(c)).append('}');
    }

    private PatternSyntaxException error(String what, int at) {
        return new PatternSyntaxException(what, source, source.offsetByCodePoints(0, Math.min(at, cps.length)));
    }
}
