package io.jenkins.plugins.devspacebuild.jenkins;

import io.jenkins.plugins.devspacebuild.jenkins.StepOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The options shared by the Pipeline step and the freestyle build step: what to build and with which credentials.
 * Both keep one of these and delegate their data-bound properties to it. Credentials are held as ids only.
 */
final class BuildSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    String config = StepOptions.DEFAULT_CONFIG;
    boolean forceBuild;
    boolean buildSequential;
    int maxParallel;
    boolean failFast;
    boolean skipPush;
    List<String> images = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    String credentialsId;
    List<RegistryCredentialsEntry> registryCredentials = new ArrayList<>();
    String cacheFrom;
    String builder;
    String kubeconfigCredentialsId;
    String namespace;

    /**
     * A configuration saved by an older version (freestyle {@code config.xml}, read by XStream, which runs no field
     * initialiser) lacks the fields added since: they get their defaults here.
     */
    protected Object readResolve() {
        config = configOrDefault(config);
        images = images == null ? new ArrayList<>() : images;
        tags = tags == null ? new ArrayList<>() : tags;
        profiles = profiles == null ? new ArrayList<>() : profiles;
        registryCredentials = registryCredentials == null ? new ArrayList<>() : registryCredentials;
        return this;
    }

    /** @param expand expands ${VAR} of the build's environment in the tags (useful in the freestyle form) */
    StepOptions toStepOptions(UnaryOperator<String> expand) {
        return new StepOptions(config, forceBuild, buildSequential, maxParallel, failFast, skipPush, images,
                tags.stream().map(expand).toList(), builder, profiles);
    }

    static String configOrDefault(String s) {
        return s == null || s.isBlank() ? StepOptions.DEFAULT_CONFIG : s.strip();
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The values of a list property, each also split at spaces and commas: from Pipeline they come as a list
     * ({@code images: ['api', 'web']}); from the form (Snippet Generator) the text box's "api web" arrives as one
     * element (Stapler binds a single value to a one-element list); an empty list can come back as "[]" (the text
     * box falls back to the property's own value, textbox.jelly in 2.479.3 and 2.541.3). Image keys and tags contain
     * no space, comma or bracket.
     */
    static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                out.addAll(split(v));
            }
        }
        return out;
    }

    /** Splits a text field of a form ("api web", "api, web", "[api, web]") into values. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String v : text.split("[\\[\\],\\s]+")) {
                if (!v.isBlank()) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
