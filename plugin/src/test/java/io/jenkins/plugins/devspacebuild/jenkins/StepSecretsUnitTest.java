package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepSecretsUnitTest {
    static final String KEY_PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAw5tHk3Vx0secretkeymaterialline1\n-----END RSA PRIVATE KEY-----\n";
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: Q0E=}
            users:
            - name: u
              user:
                token: kube-t0ken-value
                client-key-data: %s
            - name: p
              user: {username: admin, password: kube-Passw0rd}
            contexts:
            - name: x
              context: {cluster: c, user: u}
            current-context: x
            """.formatted(Base64.getEncoder().encodeToString(KEY_PEM.getBytes(StandardCharsets.UTF_8)));

    @Test
    void theKubeconfigsTokensPasswordsAndKeysAreSecretsDecodedToo() {
        List<String> secrets = StepSecrets.kubeconfigSecrets(KUBECONFIG);
        assertThat(secrets).contains("kube-t0ken-value", "kube-Passw0rd", KEY_PEM.strip(), "MIIEpAIBAAKCAQEAw5tHk3Vx0secretkeymaterialline1")
                .doesNotContain("admin", "https://127.0.0.1:6443", "Q0E=");
    }

    @Test
    void notYamlGivesNoExtraSecrets() {
        assertThat(StepSecrets.kubeconfigSecrets(": : [")).isEmpty();
    }

    @Test
    void theMaskerHidesEverySecretOfTheCallAndToStringShowsNone() {
        StepSecrets s = StepSecrets.of(List.of(), KUBECONFIG);
        String masked = s.masker().apply("auth with kube-t0ken-value failed; key MIIEpAIBAAKCAQEAw5tHk3Vx0secretkeymaterialline1; pw kube-Passw0rd");
        assertThat(masked).doesNotContain("kube-t0ken-value", "kube-Passw0rd", "secretkeymaterial").contains("auth with", "failed");
        assertThat(s.toString()).doesNotContain("kube-t0ken-value").contains("secrets");
        assertThat(s.masker().apply(null)).isNull();
    }
}
