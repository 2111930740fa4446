package io.jenkins.plugins.devspacebuild.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The one way the engine gets registry credentials. The CLI fills it from --registry-credentials and Docker's
 * config.json; the Jenkins plugin from Jenkins credentials.
 */
@FunctionalInterface
public interface RegistryCredentials {

    /**
     * @param registry a normalised registry host ({@link RegistryHosts#normalise})
     * @return the credential to use, or empty for anonymous access
     */
    Optional<RegistryCredential> find(String registry) throws IOException;

    RegistryCredentials NONE = r -> Optional.empty();

    /** The first source that has a credential for the registry wins. */
    static RegistryCredentials chain(List<RegistryCredentials> sources) {
        List<RegistryCredentials> copy = List.copyOf(sources);
        return registry -> {
            for (RegistryCredentials s : copy) {
                Optional<RegistryCredential> c = s.find(registry);
                if (c.isPresent()) {
                    return c;
                }
            }
            return Optional.empty();
        };
    }
}
