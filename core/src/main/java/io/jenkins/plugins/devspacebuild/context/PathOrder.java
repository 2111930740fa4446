package io.jenkins.plugins.devspacebuild.context;

import java.util.Comparator;

/** Orders paths by their UTF-8 bytes (the same as by code points), as {@code context list} prints them. */
public final class PathOrder {
    public static final Comparator<String> BYTES = PathOrder::compare;

    private PathOrder() {
    }

    public static int compare(String a, String b) {
        // UTF-16 order is code point order except between a surrogate and U+E000..U+FFFF: fix those up (a common
        // technique, e.g. ICU's compareCodePointOrder), instead of decoding every code point
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return Integer.compare(fixUp(x), fixUp(y));
                }
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int fixUp(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
