package io.jenkins.plugins.devspacebuild.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeconfigSecretsTest {
    static final String KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    static final String KUBECONFIG = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: 'https://k8s.example:6443'}\n"
            + "users:\n- name: ci\n  user:\n    token: tok-123456789\n- name: basic\n  user: {username: admin, password: pw-987654321}\n"
            + "- name: cert\n  user:\n    client-key-data: " + Base64.getEncoder().encodeToString(("-----BEGIN PRIVATE KEY-----\n" + KEY_BODY
            + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.UTF_8)) + "\n"
            + "- name: oidc\n  user:\n    auth-provider:\n      name: oidc\n      config: {client-secret: cs-5555, id-token: idt-6666, idp-issuer-url: 'https://idp'}\n"
            + "- name: exec\n  user:\n    exec:\n      command: get-token\n      env: [{name: API_TOKEN, value: env-7777}, {name: REGION, value: eu}]\n"
            + "contexts:\n- name: c\n  context: {cluster: c, user: ci}\ncurrent-context: c\n";

    @Test
    void everySecretOfTheUsersAndNothingElse() {
        List<String> secrets = KubeconfigSecrets.of(KUBECONFIG);
        assertThat(secrets).contains("tok-123456789", "pw-987654321", KEY_BODY, "cs-5555", "idt-6666", "env-7777")
                .doesNotContain("admin", "eu", "https://idp", "oidc", "get-token");
        assertThat(KubeconfigSecrets.of("not: [valid")).isEmpty();
    }

    @Test
    void anExplicitKubeconfigsSecretsAreMaskedByTheEngine() {
        EngineSettings s = EngineSettings.of(Map.of(), RegistryCredentials.NONE, e -> { })
                .withCluster(new ClusterSettings(null, Password.of(KUBECONFIG), null, null, List.of()));
        assertThat(s.secrets()).contains("tok-123456789", "pw-987654321");
    }
}
