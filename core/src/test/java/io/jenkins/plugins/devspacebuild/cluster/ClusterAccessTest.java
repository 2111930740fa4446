package io.jenkins.plugins.devspacebuild.cluster;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.registry.Password;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterAccessTest {
    @TempDir
    Path tmp;

    static String kubeconfig(String server, String namespace) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: a
                  cluster: {server: "%s"}
                - name: b
                  cluster: {server: "https://b.example.com:6443"}
                contexts:
                - name: ctx-a
                  context: {cluster: a, user: u, namespace: %s}
                - name: ctx-b
                  context: {cluster: b, user: u}
                current-context: ctx-a
                users:
                - name: u
                  user: {token: s3cret-token}
                """.formatted(server, namespace);
    }

    @Test
    void nothingConfigured() throws Exception {
        assertThat(ClusterAccess.connect(ClusterSettings.AUTO, Map.of("HOME", tmp.toString()), tmp.resolve("nosa"))).isEmpty();
    }

    @Test
    void orderExplicitThenKubeconfigEnvThenHomeThenInCluster() throws Exception {
        Path explicit = write(tmp, "explicit.yaml", kubeconfig("https://explicit.example.com", "team-x"));
        Path env = write(tmp, "env.yaml", kubeconfig("https://env.example.com", "team-y"));
        write(tmp, "home/.kube/config", kubeconfig("https://home.example.com", "team-z"));
        Map<String, String> all = Map.of("KUBECONFIG", env + ":" + tmp.resolve("other"), "HOME", tmp.resolve("home").toString());
        try (ClusterConnection c = ClusterAccess.connect(new ClusterSettings(explicit, null, null, null, List.of()), all, tmp).orElseThrow()) {
            assertThat(c.client().getConfiguration().getMasterUrl()).startsWith("https://explicit.example.com");
            assertThat(c.namespace()).isEqualTo("team-x");
        }
        try (ClusterConnection c = ClusterAccess.connect(ClusterSettings.AUTO, all, tmp).orElseThrow()) {
            assertThat(c.client().getConfiguration().getMasterUrl()).startsWith("https://env.example.com");
            assertThat(c.source()).isEqualTo(env + " (KUBECONFIG)");
        }
        try (ClusterConnection c = ClusterAccess.connect(ClusterSettings.AUTO, Map.of("HOME", tmp.resolve("home").toString()), tmp).orElseThrow()) {
            assertThat(c.client().getConfiguration().getMasterUrl()).startsWith("https://home.example.com");
        }
        write(tmp, "sa/token", "sa-token\n");
        write(tmp, "sa/namespace", "builds\n");
        try (ClusterConnection c = ClusterAccess.connect(ClusterSettings.AUTO, Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1",
                "KUBERNETES_SERVICE_PORT", "443"), tmp.resolve("sa")).orElseThrow()) {
            assertThat(c.client().getConfiguration().getMasterUrl()).startsWith("https://10.0.0.1:443");
            assertThat(c.namespace()).isEqualTo("builds");
            assertThat(c.source()).isEqualTo("the in-cluster service account");
        }
    }

    @Test
    void contextNamespaceAndContentFromACredential() throws Exception {
        ClusterSettings s = new ClusterSettings(null, Password.of(kubeconfig("https://a.example.com", "team-x")), "ctx-b", "override",
                List.of("builder"));
        try (ClusterConnection c = ClusterAccess.connect(s, Map.of(), tmp).orElseThrow()) {
            assertThat(c.client().getConfiguration().getMasterUrl()).startsWith("https://b.example.com:6443");
            assertThat(c.namespace()).isEqualTo("override");
            assertThat(c.serviceAccounts()).containsExactly("builder");
        }
        ClusterSettings noNs = new ClusterSettings(null, Password.of(kubeconfig("https://a.example.com", "team-x")), "ctx-b", null, List.of());
        try (ClusterConnection c = ClusterAccess.connect(noNs, Map.of(), tmp).orElseThrow()) {
            assertThat(c.namespace()).isEqualTo("default");
            assertThat(c.serviceAccounts()).containsExactly("default");
        }
    }

    @Test
    void brokenConfigurationsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> ClusterAccess.connect(new ClusterSettings(tmp.resolve("missing.yaml"), null, null, null, List.of()), Map.of(), tmp))
                .hasMessageStartingWith("--kubeconfig: the kubeconfig " + tmp.resolve("missing.yaml") + " cannot be read");
        Path bad = write(tmp, "bad.yaml", "clusters: [1, 2");
        assertThatThrownBy(() -> ClusterAccess.connect(ClusterSettings.AUTO, Map.of("KUBECONFIG", bad.toString()), tmp))
                .hasMessageStartingWith("KUBECONFIG (" + bad + "): the kubeconfig cannot be used");
        // nothing configured (no --kubeconfig, KUBECONFIG, ~/.kube/config or service account): no cluster, no error
        assertThat(ClusterAccess.connect(ClusterSettings.AUTO, Map.of("HOME", tmp.resolve("no-home").toString()), tmp.resolve("no-sa"))).isEmpty();
        // issue 13.3: a kubeconfig that is a device is refused before it is read
        assertThatThrownBy(() -> ClusterAccess.connect(new ClusterSettings(Path.of("/dev/zero"), null, null, null, List.of()), Map.of(), tmp))
                .hasMessage("--kubeconfig: the kubeconfig /dev/zero is a FIFO, socket or device, not a regular file; give the path of a file");
    }
}
