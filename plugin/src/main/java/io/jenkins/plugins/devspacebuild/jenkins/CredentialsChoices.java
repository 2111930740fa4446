package io.jenkins.plugins.devspacebuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
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

    /** The builder override: none (each image's own), or one of the {@link BuilderKind#runKinds()}. */
    static ListBoxModel builders() {
        ListBoxModel m = new ListBoxModel();
        m.add("Each image's own", "");
        for (BuilderKind k : BuilderKind.runKinds()) {
            m.add(label(k), k.configName());
        }
        return m;
    }

    private static String label(BuilderKind k) {
        return switch (k) {
            case DOCKER -> "Docker daemon of the agent";
            case KANIKO -> "kaniko in the cluster";
            case EMBEDDED -> "Embedded (no daemon; Dockerfiles without RUN)";
            case CUSTOM -> "Custom command";
        };
    }
}
