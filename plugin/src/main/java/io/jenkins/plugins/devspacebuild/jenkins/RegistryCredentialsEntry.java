package io.jenkins.plugins.devspacebuild.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serializable;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One registry and the username/password credential to push to it: {@code [registry: 'host', credentialsId: 'id']}.
 * Implements {@link Describable} directly (its {@code getDescriptor()} is a default method since Jenkins 2.505, and
 * {@code AbstractDescribableImpl} is deprecated since then).
 */
public final class RegistryCredentialsEntry implements Describable<RegistryCredentialsEntry>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String registry;
    private final String credentialsId;

    @DataBoundConstructor
    public RegistryCredentialsEntry(String registry, String credentialsId) {
        this.registry = registry == null ? "" : registry.strip();
        this.credentialsId = credentialsId == null ? "" : credentialsId.strip();
    }

    public String getRegistry() {
        return registry;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<RegistryCredentialsEntry> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Registry credentials";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsChoices.usernamePasswords(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsChoices.checkUsernamePassword(item, value);
        }

        public FormValidation doCheckRegistry(@QueryParameter String value) {
            return value == null || value.isBlank() ? FormValidation.error("Give the registry host, e.g. registry.example.com or 127.0.0.1:5000")
                    : FormValidation.ok();
        }
    }
}
