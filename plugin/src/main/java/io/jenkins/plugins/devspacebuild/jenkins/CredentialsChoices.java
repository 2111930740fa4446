package io.jenkins.plugins.devspacebuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * The credentials drop-downs, filled as credentials-plugin's consumer guide says: nothing but the current value for
 * someone who may not configure the item or use its credentials.
 */
final class CredentialsChoices {
    private CredentialsChoices() {
    }

    static ListBoxModel usernamePasswords(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (item == null || (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM))) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(value);
    }

    /** Secret files (a kubeconfig). */
    static ListBoxModel files(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (item == null || (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM))) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue().includeAs(ACL.SYSTEM2, item, FileCredentials.class).includeCurrentValue(value);
    }

    /** The builder override: none (each image's own), docker, kaniko, embedded. */
    static ListBoxModel builders() {
        ListBoxModel m = new ListBoxModel();
        m.add("Each image's own", "");
        m.add("Docker daemon of the agent", "docker");
        m.add("kaniko in the cluster", "kaniko");
        m.add("Embedded (no daemon; Dockerfiles without RUN)", "embedded");
        return m;
    }
}
