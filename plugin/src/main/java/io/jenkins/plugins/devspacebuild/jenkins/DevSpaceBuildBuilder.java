package io.jenkins.plugins.devspacebuild.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the same process and options as {@code devspaceBuild}. The published
 * {@code DEVSPACE_IMAGE_*} variables are seen by the later build steps. In the form, images and tags are written as one
 * line each ("api web").
 */
public final class DevSpaceBuildBuilder extends Builder implements SimpleBuildStep {
    private BuildSettings settings = new BuildSettings();

    /** A configuration saved without settings at all gets the defaults (see {@link BuildSettings#readResolve()}). */
    protected Object readResolve() {
        if (settings == null) {
            settings = new BuildSettings();
        }
        return this;
    }

    @DataBoundConstructor
    public DevSpaceBuildBuilder() {
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

    /** The image keys to build, separated by spaces or commas; empty for all. */
    public String getImages() {
        return String.join(" ", settings.images);
    }

    @DataBoundSetter
    public void setImages(String images) {
        settings.images = BuildSettings.split(images);
    }

    /** devspace.yaml profiles to apply, in order, separated by spaces or commas; empty for none. */
    public String getProfiles() {
        return String.join(" ", settings.profiles);
    }

    @DataBoundSetter
    public void setProfiles(String profiles) {
        settings.profiles = BuildSettings.split(profiles);
    }

    /** Tags for every image, separated by spaces or commas; empty for each image's own. */
    public String getTags() {
        return String.join(" ", settings.tags);
    }

    @DataBoundSetter
    public void setTags(String tags) {
        settings.tags = BuildSettings.split(tags);
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
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
                        @NonNull TaskListener listener) throws InterruptedException, IOException {
        new DevSpaceBuildRunner(settings, run, workspace, env, launcher, listener).run();
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Symbol("devspaceImages")
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "DevSpace: build, tag and push images";
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
