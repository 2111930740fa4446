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

    private final RegexCursor in;

    private GoRegex(String source) {
        this.in = new RegexCursor(source);
    }

    static Pattern compile(String re2) throws PatternSyntaxException {
        return Pattern.compile(new GoRegex(re2).translate(), Pattern.UNIX_LINES);
    }

    private String translate() {
        StringBuilder out = new StringBuilder();
        boolean operand = false; // something a repetition can apply to precedes
        boolean repeated = false; // and it is itself a repetition
        while (in.pos < in.cps.length) {
            int c = in.cps[in.pos];
            if (c == '*' || c == '+' || c == '?') {
                checkRepeat(operand, repeated, in.pos);
                out.appendCodePoint(c);
                in.pos++;
                repeated = true;
                continue;
            }
            if (c == '{') {
                int end = repeatEnd();
                if (end > 0) {
                    checkRepeat(operand, repeated, in.pos);
                    out.append(in.source, in.source.offsetByCodePoints(0, in.pos), in.source.offsetByCodePoints(0, end));
                    in.pos = end;
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
                    in.pos++;
                }
                case '|' -> {
                    out.append('|');
                    operand = false;
                    in.pos++;
                }
                case ')' -> {
                    out.append(')');
                    in.pos++;
                }
                case '^' -> {
                    out.append("(?:^)");
                    in.pos++;
                }
                case '$' -> {
                    out.append("(?:\\z)");
                    in.pos++;
                }
                case '.' -> {
                    out.append('.');
                    in.pos++;
                }
                default -> {
                    literal(out, c);
                    in.pos++;
                }
            }
        }
        return out.toString();
    }

    private void checkRepeat(boolean operand, boolean repeated, int at) {
        if (!operand) {
            throw in.error("missing argument to repetition operator", at);
        }
        if (repeated) {
            throw in.error("invalid nested repetition operator", at);
        }
    }

    /** The end of a valid {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code pos}, or -1 when '{' is a literal. */
    private int repeatEnd() {
        int i = in.pos + 1;
        int end = number(i);
        if (end < 0 || end >= in.cps.length) {
            return -1;
        }
        int min = value(i, end);
        i = end;
        int max = min;
        if (in.cps[i] == ',') {
            i++;
            max = -1;
            if (i < in.cps.length && in.cps[i] != '}') {
                end = number(i);
                if (end < 0) {
                    return -1;
                }
                max = value(i, end);
                i = end;
            }
        }
        if (i >= in.cps.length || in.cps[i] != '}') {
            return -1;
        }
        if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
            throw in.error("invalid repeat count", in.pos);
        }
        return i + 1;
    }

    /** The end of the decimal number at {@code i} (RE2 takes no leading zero), or -1. */
    private int number(int i) {
        int start = i;
        while (i < in.cps.length && in.cps[i] >= '0' && in.cps[i] <= '9') {
            i++;
        }
        if (i == start || (i - start > 1 && in.cps[start] == '0')) {
            return -1;
        }
        return i;
    }

    private int value(int from, int to) {
        return to - from > 7 ? Integer.MAX_VALUE : Integer.parseInt(new String(in.cps, from, to - from));
    }

    /** An escape outside a class. */
    private void escape(StringBuilder out) {
        int at = in.pos;
        if (in.pos + 1 >= in.cps.length) {
            throw in.error("trailing backslash at end of expression", at);
        }
        int c = in.cps[in.pos + 1];
        switch (c) {
            case 'A' -> {
                out.append("\\A");
                in.pos += 2;
            }
            case 'z' -> {
                out.append("\\z");
                in.pos += 2;
            }
            case 'b' -> {
                out.append("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
                in.pos += 2;
            }
            case 'B' -> {
                out.append("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
                in.pos += 2;
            }
            case 'Q' -> {
                in.pos += 2;
                while (in.pos < in.cps.length && !(in.cps[in.pos] == '\\' && in.pos + 1 < in.cps.length && in.cps[in.pos + 1] == 'E')) {
                    literal(out, in.cps[in.pos++]);
                }
                if (in.pos < in.cps.length) {
                    in.pos += 2;
                }
            }
            default -> {
                String set = classEscape();
                if (set != null) {
                    out.append('[').append(set).append(']');
                } else {
                    literal(out, in.singleEscape());
                }
            }
        }
    }

    /** A Perl ({@code \d}) or Unicode ({@code \pL}) class at {@code pos}, as Java class content, or null. */
    private String classEscape() {
        if (in.cps[in.pos] != '\\' || in.pos + 1 >= in.cps.length) {
            return null;
        }
        int c = in.cps[in.pos + 1];
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
            in.pos += 2;
            return set;
        }
        if (c != 'p' && c != 'P') {
            return null;
        }
        int at = in.pos;
        boolean negated = c == 'P';
        in.pos += 2;
        if (in.pos >= in.cps.length) {
            throw in.error("invalid character class range", at);
        }
        String name;
        if (in.cps[in.pos] == '{') {
            int close = in.pos;
            while (close < in.cps.length && in.cps[close] != '}') {
                close++;
            }
            if (close >= in.cps.length) {
                throw in.error("invalid character class range", at);
            }
            name = new String(in.cps, in.pos + 1, close - in.pos - 1);
            in.pos = close + 1;
        } else {
            name = new String(in.cps, in.pos, 1);
            in.pos++;
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
            throw in.error("invalid character class range", at);
        }
        return negated ? "^" + java : java;
    }

    /** A bracket class at {@code pos}, RE2's reading: ']' and '-' plain when first, [:name:] groups, no nesting. */
    private void charClass(StringBuilder out) {
        int at = in.pos;
        in.pos++;
        StringBuilder set = new StringBuilder();
        boolean negated = in.pos < in.cps.length && in.cps[in.pos] == '^';
        if (negated) {
            in.pos++;
        }
        boolean first = true;
        while (in.pos >= in.cps.length || in.cps[in.pos] != ']' || first) {
            if (in.pos >= in.cps.length) {
                throw in.error("missing closing ]", at);
            }
            first = false;
            if (in.cps[in.pos] == '[' && in.pos + 2 < in.cps.length && in.cps[in.pos + 1] == ':') {
                int close = in.indexOf(":]", in.pos + 2);
                if (close >= 0) {
                    String name = new String(in.cps, in.pos + 2, close - in.pos - 2);
                    boolean neg = name.startsWith("^");
                    String range = POSIX.get(neg ? name.substring(1) : name);
                    if (range == null) {
                        throw in.error("invalid character class range", in.pos);
                    }
                    set.append('[').append(neg ? "^" : "").append(range).append(']');
                    in.pos = close + 2;
                    continue;
                }
            }
            String escaped = classEscape();
            if (escaped != null) {
                set.append('[').append(escaped).append(']');
                continue;
            }
            int rangeAt = in.pos;
            int lo = classChar(at);
            int hi = lo;
            if (in.pos + 1 < in.cps.length && in.cps[in.pos] == '-' && in.cps[in.pos + 1] != ']') {
                in.pos++;
                hi = classChar(at);
                if (hi < lo) {
                    throw in.error("invalid character class range", rangeAt);
                }
            }
            hex(set, lo);
            if (hi != lo) {
                set.append('-');
                hex(set, hi);
            }
        }
        in.pos++; // the ']'
        if (negated) {
            // any character (newline too) not in the set; a lookahead keeps nested classes out of a negation
            out.append("(?:(?![").append(set).append("])[\\x{0}-\\x{10ffff}])");
        } else {
            out.append('[').append(set).append(']');
        }
    }

    private int classChar(int classAt) {
        if (in.pos >= in.cps.length) {
            throw in.error("missing closing ]", classAt);
        }
        if (in.cps[in.pos] == '\\') {
            return in.singleEscape();
        }
        return in.cps[in.pos++];
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

}
