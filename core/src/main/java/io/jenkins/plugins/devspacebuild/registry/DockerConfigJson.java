package io.jenkins.plugins.devspacebuild.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code .dockerconfigjson} of a {@code kubernetes.io/dockerconfigjson} secret:
 * {@code {"auths": {"<registry>": {"auth": base64(user:password)}}}}, Docker Hub keyed by its historical URL.
 */
public final class DockerConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerConfigJson() {
    }

    /** A document with one registry. */
    public static String of(RegistryCredential credential) {
        return merge(null, credential);
    }

    /**
     * {@code existing} with the credential's registry entry added or replaced; other registries are kept.
     *
     * @param existing the current document, or null
     */
    public static String merge(String existing, RegistryCredential credential) {
        ObjectNode root;
        try {
            JsonNode parsed = existing == null || existing.isBlank() ? null : JSON.readTree(existing);
            root = parsed instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            root = JSON.createObjectNode();
        }
        ObjectNode auths = root.get("auths") instanceof ObjectNode a ? a : root.putObject("auths");
        ObjectNode entry = auths.putObject(RegistryHosts.authKey(credential.registry()));
        String pair = credential.username() + ":" + credential.password().reveal();
        entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
