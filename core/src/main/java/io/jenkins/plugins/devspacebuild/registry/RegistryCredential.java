package io.jenkins.plugins.devspacebuild.registry;

/**
 * A username and password for one registry, and where they came from (named in errors, so a person knows which
 * credential to fix). {@link #toString()} leaves the password out.
 *
 * @param registry the registry host, normalised ({@code docker.io} for Docker Hub)
 * @param source   e.g. "--registry-credentials", "~/.docker/config.json (auths)", "Jenkins credential 'reg-creds'"
 */
public record RegistryCredential(String registry, String username, Password password, String source) {

    @Override
    public String toString() {
        return "RegistryCredential[" + registry + ", user '" + username + "' from " + source + "]";
    }

    /** "user 'ci' from --registry-credentials": for messages. */
    public String describe() {
        return "user '" + username + "' from " + source;
    }
}
