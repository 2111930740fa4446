package io.jenkins.plugins.devspacebuild.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * A configured cluster: the client (which has not contacted the API server yet), the namespace to use, and where the
 * configuration came from (for the log).
 */
public record ClusterConnection(KubernetesClient client, String namespace, String source, List<String> serviceAccounts) implements AutoCloseable {

    public ClusterConnection {
        serviceAccounts = List.copyOf(serviceAccounts);
    }

    @Override
    public void close() {
        client.close();
    }
}
