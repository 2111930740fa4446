package io.jenkins.plugins.devspacebuild.cluster;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.registry.Password;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognising local clusters from the kube context (DevSpace's rules, plus k3d) and the commands that hand images to them. */
class LocalClusterTest {
    @TempDir
    Path tmp;

    static Optional<LocalCluster.Kind> kind(String context) {
        return LocalCluster.of(context, false).map(LocalCluster::kind);
    }

    @Test
    void contextsAreRecognisedAsDevSpaceDoes() {
        assertThat(kind("minikube")).contains(LocalCluster.Kind.MINIKUBE);
        assertThat(kind("docker-desktop")).contains(LocalCluster.Kind.DOCKER_DESKTOP);
        assertThat(kind("docker-for-desktop")).contains(LocalCluster.Kind.DOCKER_DESKTOP);
        assertThat(LocalCluster.of("kind-dev", false)).contains(new LocalCluster(LocalCluster.Kind.KIND, "kind-dev", "dev"));
        assertThat(LocalCluster.of("k3d-ci", false)).contains(new LocalCluster(LocalCluster.Kind.K3D, "k3d-ci", "ci"));
        assertThat(kind("vcluster_my-vc_team_minikube")).contains(LocalCluster.Kind.MINIKUBE);
        assertThat(kind("vcluster_my-vc_team_docker-desktop")).contains(LocalCluster.Kind.DOCKER_DESKTOP);
        assertThat(LocalCluster.of("vcluster_my-vc_team_kind-dev", false).map(LocalCluster::name)).contains("dev");
        assertThat(LocalCluster.of("my-profile", true).map(LocalCluster::kind)).contains(LocalCluster.Kind.MINIKUBE);
        for (String remote : new String[] {"gke_proj_europe-west1_prod", "arn:aws:eks:eu-west-1:1:cluster/x", "kind", "minikube-old", "", null}) {
            assertThat(kind(remote)).as(remote).isEmpty();
        }
    }

    @Test
    void loadCommandsNameTheClusterAndEveryTag() {
        List<String> refs = List.of("reg/app:t1", "reg/app:latest");
        assertThat(LocalCluster.of("kind-dev", false).orElseThrow().loadCommand(refs))
                .containsExactly("kind", "load", "docker-image", "--name", "dev", "reg/app:t1", "reg/app:latest");
        assertThat(LocalCluster.of("k3d-ci", false).orElseThrow().loadCommand(refs))
                .containsExactly("k3d", "image", "import", "--cluster", "ci", "reg/app:t1", "reg/app:latest");
        assertThat(LocalCluster.of("minikube", false).orElseThrow().loadCommand(refs)).isEmpty();
        assertThat(LocalCluster.of("docker-desktop", false).orElseThrow().loadCommand(refs)).isEmpty();
    }

    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: %s
            clusters:
            - name: prof
              cluster:
                server: https://192.168.49.2:8443
                extensions:
                - name: cluster_info
                  extension:
                    provider: minikube.sigs.k8s.io
                    version: v1.32.0
            - name: kind-dev
              cluster: {server: "https://127.0.0.1:40000"}
            contexts:
            - name: prof
              context: {cluster: prof, user: prof}
            - name: kind-dev
              context: {cluster: kind-dev, user: kind-dev}
            """;

    @Test
    void theContextComesFromTheKubeconfigAsKubectlFindsIt() {
        write(tmp, "home/.kube/config", KUBECONFIG.formatted("kind-dev"));
        write(tmp, "other.yaml", KUBECONFIG.formatted("prof"));
        Map<String, String> home = Map.of("HOME", tmp.resolve("home").toString());
        assertThat(KubeContexts.localCluster(ClusterSettings.AUTO, home).map(LocalCluster::kind)).contains(LocalCluster.Kind.KIND);
        // KUBECONFIG wins over ~/.kube/config; minikube's provider extension marks a profile named otherwise
        Map<String, String> kubeconfigEnv = Map.of("HOME", tmp.resolve("home").toString(),
                "KUBECONFIG", tmp.resolve("missing.yaml") + java.io.File.pathSeparator + tmp.resolve("other.yaml"));
        assertThat(KubeContexts.localCluster(ClusterSettings.AUTO, kubeconfigEnv)).contains(new LocalCluster(LocalCluster.Kind.MINIKUBE, "prof", null));
        // --kube-context and an explicit kubeconfig (file or Jenkins credential content)
        ClusterSettings ctx = new ClusterSettings(tmp.resolve("other.yaml"), null, "kind-dev", null, List.of());
        assertThat(KubeContexts.localCluster(ctx, Map.of()).map(LocalCluster::name)).contains("dev");
        ClusterSettings content = new ClusterSettings(null, Password.of(KUBECONFIG.formatted("gke_x_y_z")), null, null, List.of());
        assertThat(KubeContexts.localCluster(content, home)).isEmpty();
        assertThat(KubeContexts.localCluster(ClusterSettings.AUTO, Map.of("HOME", tmp.resolve("nobody").toString()))).isEmpty();
    }

    @Test
    void minikubeDockerEnvIsParsedAndItsAbsenceSaysWhatToDo() throws Exception {
        assertThat(MinikubeDockerEnv.parse("""
                DOCKER_TLS_VERIFY="1"
                DOCKER_HOST="tcp://192.168.49.2:2376"
                DOCKER_CERT_PATH="/home/u/.minikube/certs"
                MINIKUBE_ACTIVE_DOCKERD="minikube"
                # To point your shell to minikube's docker-daemon, run:
                """)).containsExactly(Map.entry("DOCKER_TLS_VERIFY", "1"), Map.entry("DOCKER_HOST", "tcp://192.168.49.2:2376"),
                Map.entry("DOCKER_CERT_PATH", "/home/u/.minikube/certs"), Map.entry("MINIKUBE_ACTIVE_DOCKERD", "minikube"));
        assertThat(MinikubeDockerEnv.command(Path.of("/usr/bin/minikube"), "minikube"))
                .containsExactly("/usr/bin/minikube", "docker-env", "--shell", "none");
        assertThat(MinikubeDockerEnv.command(Path.of("/usr/bin/minikube"), "prof"))
                .containsExactly("/usr/bin/minikube", "docker-env", "--shell", "none", "--profile", "prof");
        assertThatThrownBy(() -> MinikubeDockerEnv.read("minikube", Map.of("PATH", tmp.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("kube context 'minikube' is minikube, but the minikube command is not on PATH, so its Docker daemon cannot be found; "
                        + "install minikube on this agent, or build without --skip-push-local-kube to push to the registry");
    }
}
