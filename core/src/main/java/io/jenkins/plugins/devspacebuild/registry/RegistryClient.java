package io.jenkins.plugins.devspacebuild.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.util.Sha256;
import java.io.IOException;
import java.net.URI;
import io.jenkins.plugins.devspacebuild.util.ReferenceGrammar;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little of the registry HTTP API the engine needs: does {@code repository:tag} exist, and with which digest
 * ({@code HEAD /v2/<name>/manifests/<tag>}). Basic auth and the Bearer token flow; transient failures retried.
 */
public final class RegistryClient {
    static final String ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryCredentials credentials;
    private final RetryPolicy retry;
    private final EventSink events;
    private final Set<String> insecure;
    /** Created on first use: building an HttpClient loads the TLS stack, which a skip-only run never needs. */
    private HttpClient http;
    /** For GETs whose redirects must not carry the registry's Authorization header to another host (blob storage). */
    private HttpClient noRedirects;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public RegistryClient(RegistryCredentials credentials, RetryPolicy retry, EventSink events, Set<String> insecureRegistries) {
        this.credentials = credentials;
        this.retry = retry;
        this.events = events;
        this.insecure = Set.copyOf(insecureRegistries);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    private synchronized HttpClient noRedirects() {
        if (noRedirects == null) {
            noRedirects = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return noRedirects;
    }

    /**
     * An image's manifest digest and configuration (the {@code config} object of its image config: Env, WorkingDir,
     * User, Entrypoint, Cmd, Shell, OnBuild, ...).
     *
     * @param digest the digest of the manifest (or manifest list) that {@code reference} names
     */
    public record RemoteImage(String digest, JsonNode config) {
    }

    /**
     * Reads an image's configuration, as a base image: for a manifest list, the linux/amd64 image's.
     *
     * @param reference a tag or a digest
     * @param plainHttp reach the registry over plain HTTP (besides loopback and the configured insecure registries)
     * @return empty when the registry does not have it
     * @throws RegistryAuthException when the registry refuses the credentials
     * @throws TransientException    when it stays unreachable after the retries
     */
    public Optional<RemoteImage> imageConfig(ImageName image, String reference, boolean plainHttp, String imageKey)
            throws IOException, InterruptedException {
        String registry = image.registry();
        Optional<RegistryCredential> cred = credentials.find(registry);
        requireTagOrDigest(reference, image);
        String base = RegistryHosts.apiBase(registry, plainHttp || insecure.contains(registry)) + "/v2/" + repositoryPath(image);
        String scope = "repository:" + image.path() + ":pull";
        String what = "reading " + image.repository() + (reference.contains(":") ? "@" : ":") + reference + " from " + registry;
        try {
            return Retry.run(retry, what, imageKey, events, () -> readImage(base, registry, scope, cred.orElse(null), reference));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A tag or digest that came from outside (the cache, a Dockerfile) never reaches a URL unchecked. */
    private static void requireTagOrDigest(String reference, ImageName image) throws IOException {
        if (!ReferenceGrammar.isTag(reference) && !ReferenceGrammar.isDigest(reference)) {
            throw new IOException(ReferenceGrammar.quote(reference) + " is neither a tag nor a digest, so " + image.repository()
                    + " is not looked up with it; " + (reference.isEmpty() ? "give a tag" : ReferenceGrammar.tagProblem(reference)));
        }
    }

    /** The repository path, each component escaped (they are checked by {@link ImageName#parse}; this is the second fence). */
    private static String repositoryPath(ImageName image) {
        StringBuilder b = new StringBuilder();
        for (String c : image.path().split("/", -1)) {
            b.append(b.length() == 0 ? "" : "/").append(ReferenceGrammar.pathSegment(c));
        }
        return b.toString();
    }

    private Optional<RemoteImage> readImage(String base, String registry, String scope, RegistryCredential cred, String reference)
            throws IOException, InterruptedException {
        Optional<byte[]> top = get(base + "/manifests/" + ReferenceGrammar.pathSegment(reference), ACCEPT, registry, scope, cred);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        String digest = "sha256:" + Sha256.hex(top.get());
        JsonNode manifest = JSON.readTree(top.get());
        if (manifest.has("manifests")) {
            String chosen = null;
            for (JsonNode m : manifest.get("manifests")) {
                JsonNode p = m.path("platform");
                if ("linux".equals(p.path("os").asText()) && "amd64".equals(p.path("architecture").asText())) {
                    chosen = m.path("digest").asText();
                    break;
                }
            }
            if (chosen == null) {
                throw new IOException("registry " + registry + " has no linux/amd64 image for " + reference);
            }
            String listed = chosen;
            manifest = JSON.readTree(get(base + "/manifests/" + ReferenceGrammar.pathSegment(chosen), ACCEPT, registry, scope, cred).orElseThrow(
                    () -> new IOException("registry " + registry + " lists manifest " + listed + " but does not have it")));
        }
        if (manifest.path("schemaVersion").asInt() == 1) {
            String v1 = manifest.path("history").path(0).path("v1Compatibility").asText("{}");
            return Optional.of(new RemoteImage(digest, JSON.readTree(v1).path("config")));
        }
        String configDigest = manifest.path("config").path("digest").asText("");
        if (configDigest.isEmpty()) {
            throw new IOException("registry " + registry + " sent a manifest without a config for " + reference);
        }
        byte[] config = get(base + "/blobs/" + ReferenceGrammar.pathSegment(configDigest), "*/*", registry, scope, cred).orElseThrow(
                () -> new IOException("registry " + registry + " does not have the config blob " + configDigest + " of " + reference));
        return Optional.of(new RemoteImage(digest, JSON.readTree(config).path("config")));
    }

    private Optional<byte[]> get(String url, String accept, String registry, String scope, RegistryCredential cred)
            throws IOException, InterruptedException {
        String tokenKey = registry + " " + scope;
        String auth = tokens.containsKey(tokenKey) ? "Bearer " + tokens.get(tokenKey) : basic(cred);
        HttpResponse<byte[]> r = sendGet(noRedirects(), url, accept, auth, registry);
        if (r.statusCode() == 401) {
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
                String token = fetchToken(challenge, registry, scope, cred);
                tokens.put(tokenKey, token);
                r = sendGet(noRedirects(), url, accept, "Bearer " + token, registry);
            }
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw RegistryAuthException.refused(registry, cred, "HTTP " + r.statusCode());
            }
        }
        int s = r.statusCode();
        if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
            String location = r.headers().firstValue("Location").orElseThrow(
                    () -> new IOException("registry " + registry + " redirected " + url + " without a Location"));
            // storage behind the registry: the registry's credentials are not for it
            r = sendGet(http(), URI.create(url).resolve(location).toString(), accept, null, registry);
            s = r.statusCode();
        }
        if (!found(s, registry, cred, url)) {
            return Optional.empty();
        }
        return Optional.of(r.body());
    }

    private static HttpResponse<byte[]> sendGet(HttpClient client, String url, String accept, String authorization, String registry)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException | java.net.ConnectException e) {
            throw new TransientException("registry " + registry + " is unreachable: " + describe(e), e);
        } catch (IOException e) {
            throw new TransientException("registry " + registry + " connection failed: " + describe(e), e);
        }
    }

    /**
     * @param imageKey for log lines
     * @return the manifest digest of {@code image:tag}, or empty when the registry does not have it
     * @throws RegistryAuthException when the registry refuses the credentials
     * @throws TransientException    when it stays unreachable after the retries
     */
    public Optional<String> manifestDigest(ImageName image, String tag, String imageKey) throws IOException, InterruptedException {
        String registry = image.registry();
        Optional<RegistryCredential> cred = credentials.find(registry);
        requireTagOrDigest(tag, image);
        String url = RegistryHosts.apiBase(registry, insecure.contains(registry)) + "/v2/" + repositoryPath(image) + "/manifests/"
                + ReferenceGrammar.pathSegment(tag);
        String scope = "repository:" + image.path() + ":pull";
        try {
            return Retry.run(retry, "looking up " + image.withTag(tag) + " in " + registry, imageKey, events,
                    () -> head(url, registry, scope, cred.orElse(null)));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Optional<String> head(String url, String registry, String scope, RegistryCredential cred) throws IOException, InterruptedException {
        String tokenKey = registry + " " + scope;
        String auth = tokens.containsKey(tokenKey) ? "Bearer " + tokens.get(tokenKey) : basic(cred);
        HttpResponse<Void> r = send(url, auth, registry);
        if (r.statusCode() == 401) {
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
                String token = fetchToken(challenge, registry, scope, cred);
                tokens.put(tokenKey, token);
                r = send(url, "Bearer " + token, registry);
            }
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw RegistryAuthException.refused(registry, cred, "HTTP " + r.statusCode());
            }
        }
        int s = r.statusCode();
        if (!found(s, registry, cred, url)) {
            return Optional.empty();
        }
        return Optional.of(r.headers().firstValue("Docker-Content-Digest").orElseThrow(
                () -> new IOException("registry " + registry + " sent no Docker-Content-Digest for " + url)));
    }

    /**
     * What a registry's answer means: 200 found, 404 not there; a refusal is not retried, 5xx and 429 are.
     *
     * @return true when found, false when the registry does not have it
     */
    private static boolean found(int status, String registry, RegistryCredential cred, String url) throws IOException {
        if (status == 404) {
            return false;
        }
        if (status == 403) {
            throw RegistryAuthException.refused(registry, cred, "HTTP 403 forbidden");
        }
        if (status >= 500 || status == 429) {
            throw new TransientException("registry " + registry + " answered HTTP " + status, null);
        }
        if (status != 200) {
            throw new IOException("registry " + registry + " answered HTTP " + status + " for " + url);
        }
        return true;
    }

    private HttpResponse<Void> send(String url, String authorization, String registry) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", ACCEPT).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http().send(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.net.http.HttpTimeoutException | java.net.ConnectException e) {
            throw new TransientException("registry " + registry + " is unreachable: " + describe(e), e);
        } catch (IOException e) {
            throw new TransientException("registry " + registry + " connection failed: " + describe(e), e);
        }
    }

    private String fetchToken(String challenge, String registry, String scope, RegistryCredential cred) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new IOException("registry " + registry + " asked for a Bearer token without a realm");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", scope), StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).GET().timeout(Duration.ofSeconds(30));
        String basic = basic(cred);
        if (basic != null) {
            b.header("Authorization", basic);
        }
        HttpResponse<byte[]> r;
        try {
            r = http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransientException("token service of " + registry + " is unreachable: " + describe(e), e);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw RegistryAuthException.refused(registry, cred, "token service answered HTTP " + r.statusCode());
        }
        if (r.statusCode() >= 500) {
            throw new TransientException("token service of " + registry + " answered HTTP " + r.statusCode(), null);
        }
        JsonNode body = JSON.readTree(r.body());
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new IOException("token service of " + registry + " returned no token (HTTP " + r.statusCode() + ")");
        }
        return token;
    }

    private static String basic(RegistryCredential cred) {
        if (cred == null) {
            return null;
        }
        String pair = cred.username() + ":" + cred.password().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }
}
