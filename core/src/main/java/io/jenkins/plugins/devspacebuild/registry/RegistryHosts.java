package io.jenkins.plugins.devspacebuild.registry;

import java.util.Locale;

/** Registry host names as Docker compares them. */
public final class RegistryHosts {
    /** The key Docker uses for Docker Hub in config.json and pull secrets. */
    public static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_API = "registry-1.docker.io";

    private RegistryHosts() {
    }

    /** Strips scheme and path, lower-cases, and maps every Docker Hub alias to {@code docker.io}. */
    public static String normalise(String hostOrUrl) {
        String h = hostOrUrl.trim();
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        int slash = h.indexOf('/');
        if (slash >= 0) {
            h = h.substring(0, slash);
        }
        h = h.toLowerCase(Locale.ROOT);
        return switch (h) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "docker.io" -> "docker.io";
            default -> h;
        };
    }

    /** Docker treats registries on the loopback interface as insecure (plain HTTP) without configuration. */
    public static boolean isLoopback(String registry) {
        String host = registry;
        if (host.startsWith("[")) {
            return host.startsWith("[::1]");
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || host.startsWith("127.");
    }

    /** The base URL of the registry API. */
    public static String apiBase(String registry, boolean insecure) {
        String host = registry.equals("docker.io") ? DOCKER_HUB_API : registry;
        return (insecure || isLoopback(registry) ? "http://" : "https://") + host;
    }

    /** The key of this registry in a dockerconfigjson (Docker Hub has its historical URL). */
    public static String authKey(String registry) {
        return registry.equals("docker.io") ? DOCKER_HUB_AUTH_KEY : registry;
    }
}
