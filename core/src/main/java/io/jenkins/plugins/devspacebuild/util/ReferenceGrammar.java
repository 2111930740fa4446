package io.jenkins.plugins.devspacebuild.util;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The parts of an image reference, as Docker's reference grammar (distribution/reference) defines them: tags and
 * digests. Used wherever such a value comes from outside a validated devspace.yaml (the cache, the command line)
 * before it goes into a registry URL or to the daemon.
 */
public final class ReferenceGrammar {
    /** {@code [\w][\w.-]{0,127}} */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** {@code algorithm:encoded}; sha256 must be 64 lower-case hex digits. */
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    private ReferenceGrammar() {
    }

    public static boolean isTag(String s) {
        return s != null && TAG.matcher(s).matches();
    }

    public static boolean isDigest(String s) {
        return s != null && DIGEST.matcher(s).matches() && (!s.startsWith("sha256:") || SHA256.matcher(s).matches());
    }

    /** Why {@code tag} is not a tag, for messages; null when it is one. */
    public static String tagProblem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return "a tag must not be empty";
        }
        if (tag.length() > 128) {
            return "a tag has at most 128 characters, this one has " + tag.length();
        }
        if (!isTag(tag)) {
            return "a tag is letters, digits, '_', '.' and '-', not starting with '.' or '-'";
        }
        return null;
    }

    /**
     * A value for messages: quoted, control characters escaped, at most 80 characters, so that a hostile value cannot
     * forge log lines or flood them.
     */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("'");
        s.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        if (s.codePointCount(0, s.length()) > 80) {
            b.append("...");
        }
        return b.append('\'').toString();
    }

    /** Percent-encodes one path segment of a URL (RFC 3986 unreserved characters and ':' stay as they are). */
    public static String pathSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
