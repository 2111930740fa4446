package io.jenkins.plugins.devspacebuild.context;

import java.util.Comparator;

/** Orders paths by their UTF-8 bytes (the same as by code points), as {@code context list} prints them. */
public final class PathOrder {
    public static final Comparator<String> BYTES = PathOrder::compare;

    private PathOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
