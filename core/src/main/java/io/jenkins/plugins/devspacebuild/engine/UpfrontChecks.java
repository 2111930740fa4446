package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.CustomSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.util.ReferenceGrammar;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks made while planning, before anything is built, for input a builder would only fail on obscurely: an empty
 * Dockerfile ("the daemon stopped reading the build context"), build argument names Docker cannot take, values too
 * large for the Docker API's request line ("Connection reset by peer"). Build argument values are never quoted: they
 * may be secrets.
 */
final class UpfrontChecks {
    /** Docker sends build args in the request's query string; daemons refuse request lines past about 1 MB. */
    static final int BUILD_ARGS_LIMIT = 256 * 1024;
    private static final Pattern ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private UpfrontChecks() {
    }

    static void check(ImageConfig image, String dockerfile, String dockerfileShown) throws ConfigException {
        String at = "images." + image.key();
        if (!(image.builder() instanceof CustomSpec) && dockerfile.isBlank()) {
            throw new ConfigException(dockerfileShown + ": the Dockerfile of image " + image.key() + " is empty; it needs at least a FROM line");
        }
        long total = 0;
        for (Map.Entry<String, String> a : image.buildArgs().entrySet()) {
            if (!ARG_NAME.matcher(a.getKey()).matches()) {
                throw new ConfigException(image.location() + ": " + at + ".buildArgs: " + ReferenceGrammar.quote(a.getKey())
                        + " is not a build argument name; use letters, digits and '_', not starting with a digit");
            }
            total += a.getKey().length() + (a.getValue() == null ? 0 : a.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (total > BUILD_ARGS_LIMIT) {
            throw new ConfigException(image.location() + ": " + at + ".buildArgs are " + total / 1024 + " KiB in all, more than the "
                    + BUILD_ARGS_LIMIT / 1024 + " KiB Docker takes in a build request; put large content in a file of the build context "
                    + "and COPY it instead");
        }
    }
}
