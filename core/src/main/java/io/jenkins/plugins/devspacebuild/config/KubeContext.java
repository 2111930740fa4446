package io.jenkins.plugins.devspacebuild.config;

import java.util.Optional;

/**
 * The kube context and namespace DevSpace would use, for {@code DEVSPACE_CONTEXT} and {@code DEVSPACE_NAMESPACE}:
 * read from the kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}) only when a config uses them.
 */
final class KubeContext implements PredefinedVariables.KubeInfo {
    private io.fabric8.kubernetes.client.Config config;
    private boolean read;

    static PredefinedVariables.KubeInfo lookup() {
        return new KubeContext();
    }

    private synchronized io.fabric8.kubernetes.client.Config config() {
        if (!read) {
            read = true;
            try {
                config = io.fabric8.kubernetes.client.Config.autoConfigure(null);
            } catch (RuntimeException e) {
                config = null; // no or unreadable kubeconfig: DevSpace without a cluster gives empty values
            }
        }
        return config;
    }

    @Override
    public Optional<String> context() {
        io.fabric8.kubernetes.client.Config c = config();
        return c == null || c.getCurrentContext() == null ? Optional.empty() : Optional.ofNullable(c.getCurrentContext().getName());
    }

    @Override
    public Optional<String> namespace() {
        io.fabric8.kubernetes.client.Config c = config();
        return c == null ? Optional.empty() : Optional.ofNullable(c.getNamespace());
    }
}
