package io.jenkins.plugins.devspacebuild.config;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DevSpace's runtime variables {@code ${runtime.images.NAME.image}} (the repository) and
 * {@code ${runtime.images.NAME.tag}} (the first tag). They are known only once the image is built or its skip is
 * decided, so the loader leaves them in the custom builder's {@code command}, {@code args} and {@code appendArgs};
 * the custom builder calls {@link #resolve} just before it runs the command.
 */
public final class RuntimeVariables {
    private static final Pattern RUNTIME = Pattern.compile("\\$!?\\{(runtime\\.images\\.([a-zA-Z0-9_\\-]+)\\.(image|tag))\\}");

    /** What an image is known as at build time. */
    public record RuntimeImage(String image, String tag) {
    }

    private RuntimeVariables() {
    }

    static boolean isRuntime(String name) {
        return name.startsWith("runtime.");
    }

    /** Whether the loader leaves runtime variables in {@code field} for the build to resolve. */
    static boolean resolvedAtBuildTime(String field) {
        return field.matches("images\\.[^.]+(\\.build)?\\.custom\\.(command|commands\\[\\d+\\]\\.command|args\\[\\d+\\]|appendArgs\\[\\d+\\])");
    }

    /** The image keys the runtime variables of {@code text} refer to, in order of appearance. */
    public static Set<String> referencedImages(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text != null && text.contains("runtime.")) {
            Matcher m = RUNTIME.matcher(text);
            while (m.find()) {
                keys.add(m.group(2));
            }
        }
        return keys;
    }

    /**
     * Replaces every runtime variable in {@code text}.
     *
     * @param images the image of each key of {@code images} known so far (built in this run or skipped), empty when not
     * @throws ConfigException naming the variable when it refers to an unknown image or an image not built yet
     */
    public static String resolve(String text, Function<String, Optional<RuntimeImage>> images) throws ConfigException {
        if (!text.contains("runtime.")) {
            return text;
        }
        Matcher m = RUNTIME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<RuntimeImage> image = images.apply(m.group(2));
            if (image.isEmpty()) {
                throw new ConfigException("${" + m.group(1) + "}: image '" + m.group(2) + "' is not built before this command runs; "
                        + "name an image of 'images' that this run builds or skips");
            }
            String v = m.group(3).equals("image") ? image.get().image() : image.get().tag();
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
