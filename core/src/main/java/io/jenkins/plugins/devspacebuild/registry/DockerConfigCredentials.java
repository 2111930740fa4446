package io.jenkins.plugins.devspacebuild.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Docker's own credential store, as {@code docker login} leaves it: {@code $DOCKER_CONFIG/config.json} (default
 * {@code ~/.docker/config.json}) with {@code auths}, {@code credHelpers} (per registry) and {@code credsStore} (for the
 * rest). Helpers ({@code docker-credential-<name>}) are run with {@code get} and the server on stdin, as Docker does:
 * no secret is ever on a command line.
 */
public final class DockerConfigCredentials implements RegistryCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a credential helper may take: Docker itself waits without limit, a build must not. */
    public static final Duration DEFAULT_HELPER_TIMEOUT = Duration.ofSeconds(60);
    private static final int HELPER_OUTPUT_LIMIT = 64 * 1024;

    private final Path configFile;
    private final Map<String, String> environment;
    private final Duration helperTimeout;
    /** One answer per registry per run (this object lives for one run): a helper may prompt, be slow, or be rate-limited. */
    private final Map<String, FutureTask<Optional<RegistryCredential>>> answers = new ConcurrentHashMap<>();

    /** @param environment the build's environment: DOCKER_CONFIG, HOME and PATH are read from it */
    public DockerConfigCredentials(Map<String, String> environment) {
        this(environment, DEFAULT_HELPER_TIMEOUT);
    }

    /**
     * @param environment   the build's environment: DOCKER_CONFIG, HOME and PATH are read from it
     * @param helperTimeout how long a credential helper may take before it is killed
     */
    public DockerConfigCredentials(Map<String, String> environment, Duration helperTimeout) {
        this.helperTimeout = helperTimeout;
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

    /** Looks the registry up once; later calls (also concurrent ones) get the same answer or the same error. */
    @Override
    public Optional<RegistryCredential> find(String registry) throws IOException {
        String key = RegistryHosts.normalise(registry);
        FutureTask<Optional<RegistryCredential>> mine = new FutureTask<>(() -> lookUp(key));
        FutureTask<Optional<RegistryCredential>> task = answers.putIfAbsent(key, mine);
        if (task == null) {
            task = mine;
            task.run();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while looking up the credentials for " + key);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            throw new IOException(configFile + ": looking up the credentials for " + key + " failed (" + e.getCause() + ")", e.getCause());
        }
    }

    private Optional<RegistryCredential> lookUp(String registry) throws IOException {
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
        // stdout is read on its own thread, so that the timeout below holds even when the helper never closes it
        FutureTask<byte[]> reading = new FutureTask<>(() -> {
            try (InputStream is = p.getInputStream()) {
                return is.readNBytes(HELPER_OUTPUT_LIMIT);
            }
        });
        Thread reader = new Thread(reading, "devspace-build-" + program);
        reader.setDaemon(true);
        reader.start();
        byte[] out;
        long seconds = helperTimeout.toSeconds();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the helper exited without reading its input: its exit status says the rest
            }
            if (!p.waitFor(helperTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(program + " did not answer within " + seconds + " s and was stopped; check the helper (it may be "
                        + "waiting for a password prompt or a keychain unlock) or remove it from " + configFile);
            }
            out = reading.get(helperTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(program + " exited but something it started kept its output open for " + seconds + " s; check the helper "
                    + "or remove it from " + configFile);
        } catch (ExecutionException e) {
            throw new IOException("reading the answer of " + program + " failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking " + program);
        } finally {
            killTree(p);
        }
        if (p.exitValue() != 0) {
            // helpers exit non-zero with "credentials not found" when they have nothing for this server
            return Optional.empty();
        }
        JsonNode r;
        try {
            r = JSON.readTree(out);
        } catch (JsonProcessingException e) {
            throw new IOException(program + " answered with something that is not JSON; check the helper or remove it from " + configFile);
        }
        if (r == null || !r.isObject()) {
            throw new IOException(program + " answered with something that is not a JSON object; check the helper or remove it from " + configFile);
        }
        String user = r.path("Username").asText("");
        String secret = r.path("Secret").asText("");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RegistryCredential(registry, user, Password.of(secret), "credential helper " + program));
    }

    /** Stops the helper and everything it started (a shell script's children keep stdout open). */
    private static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (p.isAlive()) {
            p.destroyForcibly();
        }
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
