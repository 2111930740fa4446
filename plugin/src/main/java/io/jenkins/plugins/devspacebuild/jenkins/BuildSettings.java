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
    String credentialsId;
    List<RegistryCredentialsEntry> registryCredentials = new ArrayList<>();
    String cacheFrom;
    String builder;
    String kubeconfigCredentialsId;
    String namespace;

    /** @param expand expands ${VAR} of the build's environment in the tags (useful in the freestyle form) */
    StepOptions toStepOptions(UnaryOperator<String> expand) {
        return new StepOptions(config, forceBuild, buildSequential, maxParallel, failFast, skipPush, images,
                tags.stream().map(expand).toList(), builder);
    }

    static String configOrDefault(String s) {
        return s == null || s.isBlank() ? StepOptions.DEFAULT_CONFIG : s.strip();
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    /** Splits a text field of the freestyle form ("api web", "api, web") into values. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String v : text.split("[,\\s]+")) {
                if (!v.isBlank()) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
