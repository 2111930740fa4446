package io.jenkins.plugins.devspacebuild.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces every secret in a text with {@code ****}: the secret as it is, and the forms in which a tool or a script
 * may print it (the forms Jenkins' credentials-binding plugin masks, see its {@code SecretPatterns} and
 * {@code SecretPatternFactory} implementations): shell-quoted (POSIX {@code '\''} and {@code '"'"'} escapes, with and
 * without the surrounding quotes), backslash-escaped, with {@code $} doubled, and Base64 (standard and URL-safe, at
 * each of the three byte alignments it can have inside a longer encoded text, with and without padding: a secret
 * inside {@code user:password} of an {@code auth} field is still masked). Longest forms first, so a form that
 * contains another is masked whole. Immutable; thread-safe.
 */
public final class SecretMasker implements UnaryOperator<String> {
    public static final String MASK = "****";
    /** Shorter encoded fragments would mask ordinary words. */
    private static final int MIN_FORM = 3;
    public static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> forms;

    private SecretMasker(List<String> forms) {
        this.forms = forms;
    }

    /** A masker for these secrets (null and empty ones are ignored). */
    public static SecretMasker of(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                all.addAll(formsOf(s));
            }
        }
        List<String> sorted = all.stream().filter(f -> f.length() >= MIN_FORM || secrets.contains(f))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new SecretMasker(sorted);
    }

    /** A masker for these secrets and those of {@code other}. */
    public SecretMasker and(SecretMasker other) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(other.forms);
        return new SecretMasker(all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    @Override
    public String apply(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String out = text;
        for (String f : forms) {
            if (out.contains(f)) {
                out = out.replace(f, MASK);
            }
        }
        return out;
    }

    /** The forms masked for one secret. */
    static Set<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String bash = secret.replace("'", "'\\''");
        forms.add(bash);
        forms.add("'" + bash + "'");
        String ash = secret.replace("'", "'\"'\"'");
        forms.add(ash);
        forms.add("'" + ash + "'");
        forms.add(backslashed(secret));
        forms.add(secret.replace("$", "$$"));
        forms.addAll(base64Forms(secret, Base64.getEncoder()));
        forms.addAll(base64Forms(secret, Base64.getUrlEncoder()));
        return forms;
    }

    /** Every character a POSIX shell treats specially, preceded by a backslash ({@code printf %q} style). */
    private static String backslashed(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (" \t!\"#$&'()*,;<>?[\\]^`{|}~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * The stable part of the secret's encoding at each alignment: with 0, 1 or 2 bytes before it, the characters that
     * depend only on the secret's own bytes (and, at the end, without the characters that depend on what follows).
     */
    private static List<String> base64Forms(String secret, Base64.Encoder encoder) {
        List<String> out = new ArrayList<>();
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, padded, shift, bytes.length);
            String encoded = encoder.encodeToString(padded);
            // the characters that still carry bits of the prefix bytes
            String body = encoded.substring(shift == 0 ? 0 : shift + 1);
            if (shift == 0) {
                out.add(body);
            }
            out.add(withoutTail(body));
        }
        return out;
    }

    /** Without padding and the last character when it also holds bits of whatever follows the secret. */
    private static String withoutTail(String encoded) {
        if (encoded.endsWith("==")) {
            return encoded.substring(0, encoded.length() - 3);
        }
        if (encoded.endsWith("=")) {
            return encoded.substring(0, encoded.length() - 2);
        }
        return encoded;
    }
}
