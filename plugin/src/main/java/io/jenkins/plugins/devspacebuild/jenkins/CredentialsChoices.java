package io.jenkins.plugins.devspacebuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.springframework.security.core.Authentication;

/**
 * The credentials drop-downs and checks, as credentials-plugin's {@code docs/consumer.adoc} says: on a job's page they
 * list what the job's builds may use (the job's authentication); on the global Pipeline Syntax page (no item) only an
 * administrator sees a list; whoever may neither configure the item nor use its credentials sees only the current value.
 */
final class CredentialsChoices {
    private CredentialsChoices() {
    }

    static ListBoxModel usernamePasswords(Item item, String current) {
        return fill(item, current, StandardUsernamePasswordCredentials.class);
    }

    /** Secret files (a kubeconfig). */
    static ListBoxModel files(Item item, String current) {
        return fill(item, current, FileCredentials.class);
    }

    static FormValidation checkUsernamePassword(Item item, String value) {
        return check(item, value, StandardUsernamePasswordCredentials.class, "Username with password");
    }

    static FormValidation checkFile(Item item, String value) {
        return check(item, value, FileCredentials.class, "Secret file");
    }

    private static ListBoxModel fill(Item item, String current, Class<? extends StandardCredentials> type) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        if (!mayList(item)) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue().includeMatchingAs(authentication(item), item, type, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(value);
    }

    private static FormValidation check(Item item, String value, Class<? extends StandardCredentials> type, String kind) {
        if (!mayList(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (value.startsWith("${") && value.endsWith("}")) {
            return FormValidation.warning("Cannot check a credentials id given as an expression");
        }
        if (CredentialsProvider.listCredentialsInItem(type, item, authentication(item), List.of(), CredentialsMatchers.withId(value)).isEmpty()) {
            return FormValidation.error("No '" + kind + "' credential with id '" + value + "' is visible to this job's builds");
        }
        return FormValidation.ok();
    }

    private static boolean mayList(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The authentication the item's builds run as; SYSTEM2 for no item (administrators only) or a non-task item. */
    private static Authentication authentication(Item item) {
        return item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2;
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
            case BUILDKIT -> "BuildKit (docker buildx on the agent)";
            case CUSTOM -> "Custom command";
        };
    }
}
