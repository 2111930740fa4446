package io.jenkins.plugins.devspacebuild.pullsecret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.testing.FakeCluster;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Image pull secrets against fabric8's Kubernetes mock server. */
class PullSecretsTest {
    final FakeCluster cluster = new FakeCluster();
    final PullSecrets secrets = new PullSecrets(cluster.client(), FakeCluster.NAMESPACE);

    @AfterEach
    void close() {
        cluster.close();
    }

    static RegistryCredential cred(String registry, String user, String password) {
        return new RegistryCredential(registry, user, Password.of(password), "test");
    }

    String json(String name) {
        Secret s = cluster.client().secrets().inNamespace("test").withName(name).get();
        return new String(Base64.getDecoder().decode(s.getData().get(".dockerconfigjson")), StandardCharsets.UTF_8);
    }

    List<String> pullSecretsOf(String account) {
        ServiceAccount sa = cluster.client().serviceAccounts().inNamespace("test").withName(account).get();
        return sa.getImagePullSecrets() == null ? List.of() : sa.getImagePullSecrets().stream().map(r -> r.getName()).toList();
    }

    @Test
    void names() {
        assertThat(PullSecrets.secretName("registry.example.com:5000")).isEqualTo("devspace-auth-registry-example-com-5000");
        assertThat(PullSecrets.secretName("docker.io")).isEqualTo("devspace-auth-docker");
        String longName = PullSecrets.secretName("a-very-long-registry-host-name.for-a-team.in-a-region.example.com");
        assertThat(longName).hasSize(63).startsWith("devspace-auth-a-very-long-registry-host-name").matches("[a-z0-9-]+[a-z0-9]");
        assertThat(PullSecrets.secretName("a-very-long-registry-host-name.for-a-team.in-a-region.example.org")).isNotEqualTo(longName);
    }

    @Test
    void createsOnceThenNoOpThenUpdatesAndPatchesTheServiceAccountOnce() {
        PullSecrets.Outcome first = secrets.ensure(cred("registry.example.com", "ci", "pw1"), List.of("default"));
        assertThat(first).isEqualTo(new PullSecrets.Outcome("devspace-auth-registry-example-com", PullSecrets.Change.CREATED, List.of("default")));
        assertThat(json(first.secret())).isEqualTo("{\"auths\":{\"registry.example.com\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("ci:pw1".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        Secret created = cluster.client().secrets().inNamespace("test").withName(first.secret()).get();
        assertThat(created.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(pullSecretsOf("default")).containsExactly(first.secret());

        int writes = (int) cluster.requests.stream().filter(r -> r.startsWith("PUT") || r.startsWith("POST") || r.startsWith("PATCH")).count();
        PullSecrets.Outcome again = secrets.ensure(cred("registry.example.com", "ci", "pw1"), List.of("default"));
        assertThat(again.change()).isEqualTo(PullSecrets.Change.UNCHANGED);
        assertThat(again.patchedAccounts()).isEmpty();
        assertThat(cluster.requests.stream().filter(r -> r.startsWith("PUT") || r.startsWith("POST") || r.startsWith("PATCH")).count())
                .isEqualTo(writes);
        assertThat(pullSecretsOf("default")).containsExactly(first.secret());

        assertThat(secrets.ensure(cred("registry.example.com", "ci", "pw2"), List.of("default")).change()).isEqualTo(PullSecrets.Change.UPDATED);
        assertThat(json(first.secret())).contains(Base64.getEncoder().encodeToString("ci:pw2".getBytes(StandardCharsets.UTF_8)));
        assertThat(pullSecretsOf("default")).containsExactly(first.secret());
    }

    @Test
    void mergesIntoAnExistingSecret() {
        String other = "{\"auths\":{\"other.example.com\":{\"auth\":\"b3RoZXI6cHc=\"}}}";
        cluster.client().secrets().inNamespace("test").resource(new SecretBuilder().withNewMetadata().withName("devspace-auth-registry-example-com")
                .endMetadata().withType("kubernetes.io/dockerconfigjson").withData(Map.of(".dockerconfigjson",
                        Base64.getEncoder().encodeToString(other.getBytes(StandardCharsets.UTF_8)))).build()).create();
        assertThat(secrets.ensure(cred("registry.example.com", "ci", "pw"), List.of("default")).change()).isEqualTo(PullSecrets.Change.UPDATED);
        assertThat(json("devspace-auth-registry-example-com")).contains("\"other.example.com\":{\"auth\":\"b3RoZXI6cHc=\"}")
                .contains("\"registry.example.com\"");
    }

    @Test
    void dockerHubIsKeyedByItsHistoricalUrl() {
        secrets.ensure(cred("docker.io", "me", "pw"), List.of("default"));
        assertThat(json("devspace-auth-docker")).startsWith("{\"auths\":{\"https://index.docker.io/v1/\":");
    }

    @Test
    void retriesWhenTheServiceAccountChangedMeanwhile() {
        cluster.conflictsToInject.set(2);
        PullSecrets.Outcome o = secrets.ensure(cred("registry.example.com", "ci", "pw"), List.of("default"));
        assertThat(o.patchedAccounts()).containsExactly("default");
        assertThat(pullSecretsOf("default")).containsExactly(o.secret());
        assertThat(cluster.requests.stream().filter(r -> r.startsWith("PUT /api/v1/namespaces/test/serviceaccounts/default")).count()).isEqualTo(3);
    }

    @Test
    void missingServiceAccountIsAClearError() {
        assertThatThrownBy(() -> secrets.ensure(cred("registry.example.com", "ci", "pw"), List.of("deployer")))
                .hasMessageContaining("service account test/deployer does not exist");
    }
}
