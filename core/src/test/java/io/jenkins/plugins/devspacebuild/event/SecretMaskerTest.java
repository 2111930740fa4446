package io.jenkins.plugins.devspacebuild.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    static final String SECRET = "pl@nted'Secr3t$x";
    final SecretMasker masker = SecretMasker.of(List.of(SECRET));

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksTheSecretAndItsShellQuotedForms() {
        assertThat(masker.apply("a " + SECRET + " b")).isEqualTo("a **** b");
        assertThat(masker.apply("'pl@nted'\\''Secr3t$x'")).doesNotContain("Secr3t");
        assertThat(masker.apply("pl@nted'\"'\"'Secr3t$x")).doesNotContain("Secr3t");
        assertThat(masker.apply("pl@nted\\'Secr3t\\$x")).doesNotContain("Secr3t");
        assertThat(masker.apply("pl@nted'Secr3t$$x")).doesNotContain("Secr3t");
    }

    @Test
    void masksBase64AtEveryAlignmentAsInsideABasicAuthValue() {
        for (String prefix : List.of("", "u", "us", "user:", "ci:")) {
            for (String suffix : List.of("", "\n", "x", "xy")) {
                String encoded = b64(prefix + SECRET + suffix);
                String masked = masker.apply("auth " + encoded);
                assertThat(masked).as(prefix + "|" + suffix).contains(SecretMasker.MASK);
                // what is left cannot be decoded back to anything holding the secret
                assertThat(masked.replace("auth ", "")).doesNotContain(b64(SECRET).substring(4, 12));
            }
        }
        assertThat(masker.apply(Base64.getUrlEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)))).contains("****");
    }

    @Test
    void leavesOtherTextAloneAndMasksEveryStringOfAnEvent() {
        assertThat(masker.apply("nothing secret here")).isEqualTo("nothing secret here");
        BuildEvent e = new BuildEvent.RunDone(List.of(new ImageLine("api", "r/api:" + SECRET, List.of(SECRET), null, ImageLine.FAILED,
                "exit 1 (last output: " + b64("ci:" + SECRET) + ")", "custom", 1)), false);
        assertThat(e.masked(masker).toString()).doesNotContain("Secr3t").doesNotContain(b64("ci:" + SECRET).substring(4, 16));
    }
}
