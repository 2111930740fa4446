package io.jenkins.plugins.devspacebuild.engine;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.devspacebuild.builder.Connections;
import io.jenkins.plugins.devspacebuild.cluster.ClusterConnection;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ProjectConfig;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.pullsecret.PullSecrets;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The publish stage, for the run: for every registry that an image with {@code createPullSecret} was pushed to (built or skipped)
 * and whose credentials are known, an image pull secret in the cluster's namespace, added to its service accounts.
 * Needs a configured cluster; without one nothing is done. A failure is a warning: the images are pushed and published.
 */
final class PullSecretStage {
    private final RegistryCredentials credentials;
    private final Connections connections;
    private final EventSink events;

    PullSecretStage(RegistryCredentials credentials, Connections connections, EventSink events) {
        this.credentials = credentials;
        this.connections = connections;
        this.events = events;
    }

    void run(ProjectConfig project, RunResult result, boolean skipPush) {
        if (skipPush) {
            return;
        }
        Map<String, RegistryCredential> byRegistry = new LinkedHashMap<>();
        for (ImageResult r : result.images()) {
            ImageConfig image = project.images().get(r.name());
            if (r.failed() || image == null || !image.createPullSecret() || image.skipPush()) {
                continue;
            }
            String registry = image.image().registry();
            if (byRegistry.containsKey(registry)) {
                continue;
            }
            try {
                credentials.find(registry).ifPresent(c -> byRegistry.put(registry, c));
            } catch (IOException e) {
                events.warning(r.name(), "no pull secret for " + registry + ": its credentials cannot be read (" + e.getMessage() + ")");
            }
        }
        if (byRegistry.isEmpty()) {
            return;
        }
        Optional<ClusterConnection> cluster = connections.cluster();
        if (cluster.isEmpty()) {
            if (connections.clusterProblem() != null) {
                events.warning(null, "image pull secrets not created: " + connections.clusterProblem().getMessage());
            }
            return;
        }
        ClusterConnection c = cluster.get();
        PullSecrets secrets = new PullSecrets(c.client(), c.namespace());
        for (RegistryCredential cred : byRegistry.values()) {
            try {
                PullSecrets.Outcome o = secrets.ensure(cred, c.serviceAccounts());
                events.accept(new BuildEvent.PullSecretEnsured(c.namespace(), o.secret(), cred.registry(),
                        o.change().name().toLowerCase(java.util.Locale.ROOT), o.patchedAccounts()));
            } catch (KubernetesClientException e) {
                events.warning(null, "image pull secret for " + cred.registry() + " in namespace " + c.namespace() + " not created: "
                        + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage()));
            }
        }
    }
}
