package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.dockerfile.Dockerfile;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The credentials for the registries a Dockerfile's FROM lines pull from, so private base images can be pulled. */
final class BaseImageCredentials {
    private BaseImageCredentials() {
    }

    /** Per registry (normalised), the credential to pull with; registries without one are left out. */
    static Map<String, RegistryCredential> of(String dockerfileText, RegistryCredentials credentials) throws BuildFailedException {
        Map<String, RegistryCredential> found = new LinkedHashMap<>();
        for (String registry : registries(dockerfileText)) {
            try {
                Optional<RegistryCredential> c = credentials.find(registry);
                c.ifPresent(cred -> found.put(registry, cred));
            } catch (IOException e) {
                throw new BuildFailedException("credentials for base image registry " + registry + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    /** The registries of the FROM images; stages, scratch and images named through ARGs are left out. */
    static Set<String> registries(String dockerfileText) {
        Set<String> registries = new LinkedHashSet<>();
        try {
            Dockerfile df = Dockerfile.parse(dockerfileText, "Dockerfile");
            Set<String> stageNames = new LinkedHashSet<>();
            for (Dockerfile.Stage s : df.stages()) {
                if (s.name() != null) {
                    stageNames.add(s.name().toLowerCase(Locale.ROOT));
                }
                String base = s.base();
                if (base.equals("scratch") || stageNames.contains(base.toLowerCase(Locale.ROOT)) || base.contains("$")) {
                    continue;
                }
                try {
                    registries.add(ImageName.parse(base.contains("@") ? base.substring(0, base.indexOf('@')) : base).registry());
                } catch (IllegalArgumentException ignored) {
                    // the daemon reports a bad base image name itself
                }
            }
        } catch (ConfigException e) {
            // the builder reports the Dockerfile's problem itself
        }
        return registries;
    }
}
