package io.jenkins.plugins.devspacebuild.registry;

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
        if (!Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(configFile.toFile());
        } catch (IOException e) {
            throw new IOException(configFile + " is not valid JSON (" + e.getMessage() + "); fix it or run docker login again", e);
        }
        String wanted = RegistryHosts.normalise(registry);
        JsonNode helpers = root.path("credHelpers");
        for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (RegistryHosts.normalise(e.getKey()).equals(wanted)) {
                return helper(e.getValue().asText(), e.getKey(), wanted);
            }
        }
        JsonNode auths = root.path("auths");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!RegistryHosts.normalise(e.getKey()).equals(wanted)) {
                continue;
            }
            JsonNode a = e.getValue();
            String source = configFile + " (auths)";
            if (a.hasNonNull("identitytoken")) {
                return Optional.of(new RegistryCredential(wanted, "<token>", Password.of(a.get("identitytoken").asText()), source));
            }
            if (a.hasNonNull("auth") && !a.get("auth").asText().isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(a.get("auth").asText()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ex) {
                    throw new IOException(configFile + ": the 'auth' of " + e.getKey() + " is not base64; run docker login " + e.getKey() + " again");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new IOException(configFile + ": the 'auth' of " + e.getKey() + " is not user:password; run docker login again");
                }
                return Optional.of(new RegistryCredential(wanted, decoded.substring(0, colon), Password.of(decoded.substring(colon + 1)), source));
            }
            if (a.hasNonNull("username") && a.hasNonNull("password")) {
                return Optional.of(new RegistryCredential(wanted, a.get("username").asText(), Password.of(a.get("password").asText()), source));
            }
            // an empty entry means "stored in the credsStore"
        }
        if (root.hasNonNull("credsStore") && !root.get("credsStore").asText().isEmpty()) {
            return helper(root.get("credsStore").asText(), wanted.equals("docker.io") ? RegistryHosts.DOCKER_HUB_AUTH_KEY : wanted, wanted);
        }
        return Optional.empty();
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
