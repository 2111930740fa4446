package io.jenkins.plugins.devspacebuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the step's credential ids on the controller, for the build's run (so folder and user credentials and
 * their permissions apply), and records their use on the build ({@code track}). A missing id or one of another kind
 * is an error naming it.
 */
final class JenkinsCredentials {
    private JenkinsCredentials() {
    }

    static List<AgentCredential> resolve(Run<?, ?> run, BuildSettings settings) throws AbortException {
        List<AgentCredential> out = new ArrayList<>();
        for (RegistryCredentialsEntry e : settings.registryCredentials) {
            if (e.getRegistry().isEmpty() || e.getCredentialsId().isEmpty()) {
                throw new AbortException("devspaceBuild: every registryCredentials entry needs both registry and credentialsId");
            }
            out.add(lookup(run, e.getCredentialsId(), e.getRegistry()));
        }
        if (settings.credentialsId != null) {
            out.add(lookup(run, settings.credentialsId, null));
        }
        return out;
    }

    /** The kubeconfig of a secret-file credential, or null when none is configured. */
    static Secret kubeconfig(Run<?, ?> run, BuildSettings settings) throws IOException {
        String id = settings.kubeconfigCredentialsId;
        if (id == null) {
            return null;
        }
        FileCredentials f = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
        if (f == null) {
            StandardCredentials other = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            throw new AbortException("devspaceBuild: " + (other == null ? "no credential with id '" + id + "' is visible to this build"
                    : "credential '" + id + "' is a " + other.getClass().getSimpleName() + ", not a secret file")
                    + "; kubeconfigCredentialsId needs a 'Secret file' credential holding a kubeconfig");
        }
        CredentialsProvider.track(run, f);
        try (InputStream in = f.getContent()) {
            return Secret.fromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static AgentCredential lookup(Run<?, ?> run, String id, String registry) throws AbortException {
        StandardUsernamePasswordCredentials c = CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
        if (c == null) {
            StandardCredentials other = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            if (other != null) {
                throw new AbortException("devspaceBuild: credential '" + id + "' is a " + other.getClass().getSimpleName()
                        + ", not a username with password; registries need a 'Username with password' credential");
            }
            throw new AbortException("devspaceBuild: no credential with id '" + id + "' is visible to this build; create it in Jenkins "
                    + "(Username with password) or fix the id");
        }
        CredentialsProvider.track(run, c);
        return new AgentCredential(registry, c.getUsername(), c.getPassword(), "Jenkins credential '" + id + "'");
    }
}
