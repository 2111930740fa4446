package io.jenkins.plugins.devspacebuild.cluster;

import io.jenkins.plugins.devspacebuild.registry.Password;
import java.nio.file.Path;
import java.util.List;

/**
 * How to reach the Kubernetes cluster, as the user asked: an explicit kubeconfig (a file from the CLI's
 * {@code --kubeconfig}, or the content of the Jenkins file credential {@code kubeconfigCredentialsId}), the context
 * and the namespace. Without an explicit kubeconfig, the build's {@code KUBECONFIG}, then {@code ~/.kube/config}, then
 * the in-cluster service account are tried.
 *
 * @param kubeconfigFile    an explicit kubeconfig file, or null
 * @param kubeconfigContent an explicit kubeconfig's content (it holds tokens: a secret), or null
 * @param context           the kubeconfig context to use, or null for its current one
 * @param namespace         the namespace for pods and pull secrets, or null for the context's (else "default")
 * @param serviceAccounts   the service accounts that get the pull secrets ("default" when empty)
 */
public record ClusterSettings(Path kubeconfigFile, Password kubeconfigContent, String context, String namespace, List<String> serviceAccounts) {

    public static final ClusterSettings AUTO = new ClusterSettings(null, null, null, null, List.of());

    public ClusterSettings {
        serviceAccounts = serviceAccounts == null || serviceAccounts.isEmpty() ? List.of("default") : List.copyOf(serviceAccounts);
    }
}
