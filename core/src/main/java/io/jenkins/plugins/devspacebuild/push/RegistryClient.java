package io.jenkins.plugins.devspacebuild.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import java.io.IOException;
import java.net.URI;
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
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public RegistryClient(RegistryCredentials credentials, RetryPolicy retry, EventSink events, Set<String> insecureRegistries) {
        this.credentials = credentials;
        this.retry = retry;
        this.events = events;
        this.insecure = Set.copyOf(insecureRegistries);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
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
        String url = RegistryHosts.apiBase(registry, insecure.contains(registry)) + "/v2/" + image.path() + "/manifests/" + tag;
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
        if (s == 404) {
            return Optional.empty();
        }
        if (s == 403) {
            throw RegistryAuthException.refused(registry, cred, "HTTP 403 forbidden");
        }
        if (s >= 500 || s == 429) {
            throw new TransientException("registry " + registry + " answered HTTP " + s, null);
        }
        if (s != 200) {
            throw new IOException("registry " + registry + " answered HTTP " + s + " for " + url);
        }
        return Optional.of(r.headers().firstValue("Docker-Content-Digest").orElseThrow(
                () -> new IOException("registry " + registry + " sent no Docker-Content-Digest for " + url)));
    }

    private HttpResponse<Void> send(String url, String authorization, String registry) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", ACCEPT).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding());
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
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
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
