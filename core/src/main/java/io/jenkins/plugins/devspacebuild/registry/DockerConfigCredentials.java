package io.jenkins.plugins.devspacebuild.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Docker's own credential store, as {@code docker login} leaves it: {@code $DOCKER_CONFIG/config.json} (default
 * {@code ~/.docker/config.json}) with {@code auths}, {@code credHelpers} (per registry) and {@code credsStore} (for the
 * rest). Helpers ({@code docker-credential-<name>}) are run with {@code get} and the server on stdin, as Docker does:
 * no secret is ever on a command line.
 */
public final class DockerConfigCredentials implements RegistryCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configFile;
    private final Map<String, String> environment;

    /** @param environment the build's environment: DOCKER_CONFIG, HOME and PATH are read from it */
    public DockerConfigCredentials(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        String dir = environment.get("DOCKER_CONFIG");
        if (dir == null || dir.isEmpty()) {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            dir = home + File.separator + ".docker";
        }
        this.configFile = Path.of(dir, "config.json");
    }

    public Path configFile() {
        return configFile;
    }

    @Override
    public Optional<RegistryCredential> find(String registry) throws IOException {
        if (!Files.exists(configFile)) {
            return Optional.empty();
        }
        JsonNode root = readConfig();
        String wanted = RegistryHosts.normalise(registry);
        JsonNode helpers = section(root, "credHelpers");
        for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (RegistryHosts.normalise(e.getKey()).equals(wanted)) {
                return helper(text(e.getValue(), "credHelpers." + e.getKey()), e.getKey(), wanted);
            }
        }
        JsonNode auths = section(root, "auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!RegistryHosts.normalise(e.getKey()).equals(wanted)) {
                continue;
            }
            String where = "auths." + e.getKey();
            JsonNode a = e.getValue();
            if (!a.isObject()) {
                throw malformed(where + " is not an object");
            }
            String source = configFile + " (auths)";
            String token = optionalText(a, where, "identitytoken");
            if (token != null) {
                return Optional.of(new RegistryCredential(wanted, "<token>", Password.of(token), source));
            }
            String auth = optionalText(a, where, "auth");
            if (auth != null && !auth.isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ex) {
                    throw malformed(where + ".auth is not base64; run docker login " + e.getKey() + " again");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw malformed(where + ".auth is not base64 of user:password; run docker login " + e.getKey() + " again");
                }
                return Optional.of(new RegistryCredential(wanted, decoded.substring(0, colon), Password.of(decoded.substring(colon + 1)), source));
            }
            String user = optionalText(a, where, "username");
            String password = optionalText(a, where, "password");
            if (user != null && password != null) {
                return Optional.of(new RegistryCredential(wanted, user, Password.of(password), source));
            }
            // an empty entry means "stored in the credsStore"
        }
        String store = optionalText(root, "the top level", "credsStore");
        if (store != null && !store.isEmpty()) {
            return helper(store, wanted.equals("docker.io") ? RegistryHosts.DOCKER_HUB_AUTH_KEY : wanted, wanted);
        }
        return Optional.empty();
    }

    /** The document; errors give the position only: the text around it may be a secret. */
    private JsonNode readConfig() throws IOException {
        byte[] bytes = BoundedFiles.readBytes(configFile, BoundedFiles.SMALL_FILE_LIMIT, "Docker's config.json");
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw malformed("is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw malformed("is not a JSON object");
        }
        return root;
    }

    private JsonNode section(JsonNode root, String name) throws IOException {
        JsonNode n = root.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return JSON.createObjectNode();
        }
        if (!n.isObject()) {
            throw malformed(name + " is not an object");
        }
        return n;
    }

    private String text(JsonNode n, String where) throws IOException {
        if (!n.isTextual()) {
            throw malformed(where + " is not a string");
        }
        return n.asText();
    }

    private String optionalText(JsonNode parent, String where, String field) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return text(n, "the top level".equals(where) ? field : where + "." + field);
    }

    /** Never quotes the file's content: any of it may be a secret. */
    private IOException malformed(String problem) {
        return new IOException(configFile + ": " + problem + "; fix the file (or run docker login again), or give the credentials with "
                + "--registry-credentials (Jenkins: credentialsId)");
    }

    private Optional<RegistryCredential> helper(String name, String serverUrl, String registry) throws IOException {
        String program = "docker-credential-" + name;
        Path exe = findOnPath(program);
        if (exe == null) {
            throw new IOException(configFile + " names the credential helper '" + name + "', but " + program
                    + " is not on the PATH; install it or remove it from the file");
        }
        ProcessBuilder pb = new ProcessBuilder(exe.toString(), "get");
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        try (InputStream is = p.getInputStream()) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            is.transferTo(bos);
            out = bos.toByteArray();
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(program + " did not answer within 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + program, e);
        }
        if (p.exitValue() != 0) {
            // helpers exit non-zero with "credentials not found" when they have nothing for this server
            return Optional.empty();
        }
        JsonNode r = JSON.readTree(out);
        String user = r.path("Username").asText("");
        String secret = r.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RegistryCredential(registry, user, Password.of(secret), "credential helper " + program));
    }

    private Path findOnPath(String program) {
        String path = environment.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
