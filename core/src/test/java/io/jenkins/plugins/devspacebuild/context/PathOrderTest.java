package io.jenkins.plugins.devspacebuild.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PathOrderTest {
    static final String[] ALPHABET = {"a", "b", "/", ".", "é", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uD800\uDC00", "z"};

    @Test
    void ordersAsTheUtf8Bytes() {
        Random r = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            String a = random(r);
            String b = random(r);
            int want = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(PathOrder.compare(a, b))).as("%s vs %s", a, b).isEqualTo(want);
        }
    }

    static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(5);
        for (int i = 0; i < len; i++) {
            sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
