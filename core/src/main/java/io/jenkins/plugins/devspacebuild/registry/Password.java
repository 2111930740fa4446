package io.jenkins.plugins.devspacebuild.registry;

import java.util.Arrays;

/**
 * A secret value. {@link #toString()} never shows it; only {@link #reveal()} does, at the one place that hands it to
 * a registry, the daemon's auth header, a helper's stdin or a Kubernetes secret.
 */
public final class Password {
    private final char[] value;

    private Password(char[] value) {
        this.value = value;
    }

    public static Password of(String value) {
        return new Password(value.toCharArray());
    }

    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password p && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "****";
    }
}
