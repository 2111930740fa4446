package io.jenkins.plugins.devspacebuild.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials given directly: per registry, plus an optional one for every other registry (the Jenkins step's
 * {@code credentialsId}).
 */
public final class StaticCredentials implements RegistryCredentials {
    private final Map<String, RegistryCredential> byRegistry = new HashMap<>();
    private final RegistryCredential fallback;

    /**
     * @param byRegistry per registry (keys are normalised)
     * @param fallback   for any other registry, or null; its {@code registry} field is ignored
     */
    public StaticCredentials(Map<String, RegistryCredential> byRegistry, RegistryCredential fallback) {
        byRegistry.forEach((k, v) -> this.byRegistry.put(RegistryHosts.normalise(k), v));
        this.fallback = fallback;
    }

    @Override
    public Optional<RegistryCredential> find(String registry) {
        String key = RegistryHosts.normalise(registry);
        RegistryCredential c = byRegistry.get(key);
        if (c != null) {
            return Optional.of(c);
        }
        return fallback == null ? Optional.empty()
                : Optional.of(new RegistryCredential(key, fallback.username(), fallback.password(), fallback.source()));
    }
}
