package io.jenkins.plugins.devspacebuild.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code devspaceBuild}: builds, tags and pushes the images of a devspace.yaml that changed since their last build,
 * on the agent of the surrounding {@code node}, and returns the published {@code DEVSPACE_IMAGE_*} variables.
 * <pre>
 * def images = devspaceBuild forceBuild: true
 * sh "helm upgrade app ./chart --set image=${images.DEVSPACE_IMAGE_API}"
 * </pre>
 */
public final class DevSpaceBuildStep extends Step {
    private final BuildSettings settings = new BuildSettings();

    @DataBoundConstructor
    public DevSpaceBuildStep() {
    }

    BuildSettings settings() {
        return settings;
    }

    public String getConfig() {
        return settings.config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        settings.config = BuildSettings.configOrDefault(config);
    }

    public boolean isForceBuild() {
        return settings.forceBuild;
    }

    @DataBoundSetter
    public void setForceBuild(boolean forceBuild) {
        settings.forceBuild = forceBuild;
    }

    public boolean isBuildSequential() {
        return settings.buildSequential;
    }

    @DataBoundSetter
    public void setBuildSequential(boolean buildSequential) {
        settings.buildSequential = buildSequential;
    }

    public int getMaxParallel() {
        return settings.maxParallel;
    }

    @DataBoundSetter
    public void setMaxParallel(int maxParallel) {
        settings.maxParallel = maxParallel;
    }

    public boolean isFailFast() {
        return settings.failFast;
    }

    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        settings.failFast = failFast;
    }

    public boolean isSkipPush() {
        return settings.skipPush;
    }

    @DataBoundSetter
    public void setSkipPush(boolean skipPush) {
        settings.skipPush = skipPush;
    }

    public List<String> getImages() {
        return new ArrayList<>(settings.images);
    }

    /** The images as the form's text box shows them ("api web"); not a data-bound property. */
    public String getImagesText() {
        return String.join(" ", settings.images);
    }

    @DataBoundSetter
    public void setImages(List<String> images) {
        settings.images = BuildSettings.clean(images);
    }

    /** devspace.yaml profiles to apply, in order, e.g. {@code profiles: ['production']}. */
    public List<String> getProfiles() {
        return new ArrayList<>(settings.profiles);
    }

    /** The profiles as the form's text box shows them ("production eu"); not a data-bound property. */
    public String getProfilesText() {
        return String.join(" ", settings.profiles);
    }

    @DataBoundSetter
    public void setProfiles(List<String> profiles) {
        settings.profiles = BuildSettings.clean(profiles);
    }

    public List<String> getTags() {
        return new ArrayList<>(settings.tags);
    }

    /** The tags as the form's text box shows them ("ci-${BUILD_NUMBER} latest"); not a data-bound property. */
    public String getTagsText() {
        return String.join(" ", settings.tags);
    }

    @DataBoundSetter
    public void setTags(List<String> tags) {
        settings.tags = BuildSettings.clean(tags);
    }

    public String getCredentialsId() {
        return settings.credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        settings.credentialsId = BuildSettings.emptyToNull(credentialsId);
    }

    public List<RegistryCredentialsEntry> getRegistryCredentials() {
        return new ArrayList<>(settings.registryCredentials);
    }

    @DataBoundSetter
    public void setRegistryCredentials(List<RegistryCredentialsEntry> registryCredentials) {
        settings.registryCredentials = registryCredentials == null ? new ArrayList<>() : new ArrayList<>(registryCredentials);
    }

    public String getCacheFrom() {
        return settings.cacheFrom;
    }

    @DataBoundSetter
    public void setCacheFrom(String cacheFrom) {
        settings.cacheFrom = BuildSettings.emptyToNull(cacheFrom);
    }

    public String getBuilder() {
        return settings.builder;
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        settings.builder = BuildSettings.emptyToNull(builder);
    }

    public String getKubeconfigCredentialsId() {
        return settings.kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String kubeconfigCredentialsId) {
        settings.kubeconfigCredentialsId = BuildSettings.emptyToNull(kubeconfigCredentialsId);
    }

    public String getNamespace() {
        return settings.namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        settings.namespace = BuildSettings.emptyToNull(namespace);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new DevSpaceBuildExecution(settings, context);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "devspaceBuild";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Build, tag and push the images of a devspace.yaml";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, Launcher.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsChoices.usernamePasswords(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsChoices.checkUsernamePassword(item, value);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String kubeconfigCredentialsId) {
            return CredentialsChoices.files(item, kubeconfigCredentialsId);
        }

        @POST
        public FormValidation doCheckKubeconfigCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsChoices.checkFile(item, value);
        }

        public ListBoxModel doFillBuilderItems() {
            return CredentialsChoices.builders();
        }

        public FormValidation doCheckMaxParallel(@QueryParameter int value) {
            return FormChecks.maxParallel(value);
        }

        public FormValidation doCheckConfig(@QueryParameter String value) {
            return FormChecks.config(value);
        }

        public FormValidation doCheckTags(@QueryParameter String value) {
            return FormChecks.tags(value);
        }
    }
}
