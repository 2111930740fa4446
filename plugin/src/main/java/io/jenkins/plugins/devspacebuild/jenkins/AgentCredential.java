package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.util.Secret;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import java.io.Serializable;

/**
 * A resolved username/password credential on its way to the agent: the password travels as a {@link Secret} and
 * becomes the engine's {@link Password} there. {@link #toString()} leaves it out.
 *
 * @see JenkinsCredentials
 */
final class AgentCredential implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The registry host, or null for "every registry" (the step's credentialsId). */
    final String registry;
    final String username;
    final Secret password;
    final String source;

    AgentCredential(String registry, String username, Secret password, String source) {
        this.registry = registry;
        this.username = username;
        this.password = password;
        this.source = source;
    }

    RegistryCredential toEngine(String forRegistry) {
        return new RegistryCredential(forRegistry, username, Password.of(password.getPlainText()), source);
    }

    @Override
    public String toString() {
        return "AgentCredential[" + registry + ", " + username + ", " + source + "]";
    }
}
