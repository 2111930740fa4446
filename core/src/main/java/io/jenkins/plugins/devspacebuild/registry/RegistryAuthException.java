package io.jenkins.plugins.devspacebuild.registry;

import java.io.IOException;

/** The registry refused the credentials (or their absence). Never retried; the message names registry and source. */
public class RegistryAuthException extends IOException {
    private static final long serialVersionUID = 1L;

    public RegistryAuthException(String message) {
        super(message);
    }

    /** The standard message for a refused push or manifest read. */
    public static RegistryAuthException refused(String registry, RegistryCredential credential, String registrySaid) {
        String who = credential == null ? "no credentials were found for it (anonymous access)"
                : "it rejected " + credential.describe();
        String fix = credential == null ? "give credentials with --registry-credentials " + registry + "=USER:PASSWORD_FILE, docker login "
                + registry + ", or the step's credentialsId/registryCredentials"
                : "check that user's password or token and its push rights on the repository";
        return new RegistryAuthException("registry " + registry + " refused access: " + who + " (" + registrySaid + "); " + fix);
    }
}
