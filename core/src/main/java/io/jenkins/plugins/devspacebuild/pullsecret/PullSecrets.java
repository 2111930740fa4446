package io.jenkins.plugins.devspacebuild.pullsecret;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.devspacebuild.registry.DockerConfigJson;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Step 8: image pull secrets, as DevSpace makes them. Per registry a {@code kubernetes.io/dockerconfigjson} secret
 * {@code devspace-auth-<registry>} in the target namespace: created, or the registry's entry merged into the existing
 * one and written only when it changed; then named once in each service account's {@code imagePullSecrets}
 * ({@code default} unless configured), retrying when someone else changed the account meanwhile.
 */
public final class PullSecrets {
    static final int MAX_NAME = 63;
    static final int CONFLICT_RETRIES = 5;

    /** What happened to one secret. */
    public enum Change { CREATED, UPDATED, UNCHANGED }

    /**
     * @param secret          the secret's name
     * @param change          created, updated or unchanged
     * @param patchedAccounts the service accounts it was added to (empty when all had it)
     */
    public record Outcome(String secret, Change change, List<String> patchedAccounts) {
        public Outcome {
            patchedAccounts = List.copyOf(patchedAccounts);
        }
    }

    private final KubernetesClient client;
    private final String namespace;

    public PullSecrets(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** DevSpace's name: {@code devspace-auth-} and the registry host, lower case, other characters turned into '-'. */
    public static String secretName(String registry) {
        String host = registry.equals("docker.io") ? "docker" : registry.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String name = ("devspace-auth-" + host).replaceAll("-+$", "");
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = Sha256.hex(registry).substring(0, 8);
        return name.substring(0, MAX_NAME - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
    }

    public Outcome ensure(RegistryCredential credential, List<String> serviceAccounts) {
        String name = secretName(credential.registry());
        Change change = writeSecret(name, credential);
        List<String> patched = new ArrayList<>();
        for (String account : serviceAccounts) {
            if (addTo(account, name)) {
                patched.add(account);
            }
        }
        return new Outcome(name, change, patched);
    }

    private Change writeSecret(String name, RegistryCredential credential) {
        Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
        String before = existing == null || existing.getData() == null || existing.getData().get(".dockerconfigjson") == null ? null
                : new String(Base64.getDecoder().decode(existing.getData().get(".dockerconfigjson")), StandardCharsets.UTF_8);
        String after = DockerConfigJson.merge(before, credential);
        if (after.equals(before) && existing != null && "kubernetes.io/dockerconfigjson".equals(existing.getType())) {
            return Change.UNCHANGED;
        }
        Map<String, String> data = Map.of(".dockerconfigjson", Base64.getEncoder().encodeToString(after.getBytes(StandardCharsets.UTF_8)));
        if (existing == null) {
            client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                    .addToLabels("app.kubernetes.io/managed-by", "devspace-build").endMetadata()
                    .withType("kubernetes.io/dockerconfigjson").withData(data).build()).create();
            return Change.CREATED;
        }
        client.secrets().inNamespace(namespace).resource(new SecretBuilder(existing).withData(data).build()).update();
        return Change.UPDATED;
    }

    /** Adds the secret to the account's imagePullSecrets unless it is there; true when the account was changed. */
    private boolean addTo(String account, String secret) {
        for (int attempt = 1; ; attempt++) {
            ServiceAccount sa = client.serviceAccounts().inNamespace(namespace).withName(account).get();
            if (sa == null) {
                throw new KubernetesClientException("service account " + namespace + "/" + account + " does not exist; create it, or "
                        + "name the accounts to use");
            }
            List<LocalObjectReference> refs = sa.getImagePullSecrets() == null ? List.of() : sa.getImagePullSecrets();
            if (refs.stream().anyMatch(r -> secret.equals(r.getName()))) {
                return false;
            }
            ServiceAccount updated = new ServiceAccountBuilder(sa).addNewImagePullSecret(secret).build();
            try {
                client.serviceAccounts().inNamespace(namespace).resource(updated).update();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

}
