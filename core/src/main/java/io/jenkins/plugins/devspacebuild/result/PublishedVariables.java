package io.jenkins.plugins.devspacebuild.result;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables later deploy stages read: for image key {@code backend-api}, {@code DEVSPACE_IMAGE_BACKEND_API}
 * ({@code repository:tag}), {@code ..._REPOSITORY}, {@code ..._TAG} and {@code ..._DIGEST} (when known). The key is
 * upper-cased and every character other than A-Z and 0-9 becomes '_'. Failed images publish nothing.
 */
public final class PublishedVariables {
    public static final String PREFIX = "DEVSPACE_IMAGE_";

    private PublishedVariables() {
    }

    public static String variableName(String imageKey) {
        String upper = imageKey.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(PREFIX);
        for (char c : upper.toCharArray()) {
            sb.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return sb.toString();
    }

    public static Map<String, String> of(Iterable<ImageResult> results) {
        Map<String, String> vars = new TreeMap<>();
        for (ImageResult r : results) {
            if (r.failed() || r.tags().isEmpty()) {
                continue;
            }
            String base = variableName(r.name());
            vars.put(base, r.reference());
            vars.put(base + "_REPOSITORY", r.repository());
            vars.put(base + "_TAG", r.tags().get(0));
            if (r.digest() != null) {
                vars.put(base + "_DIGEST", r.digest());
            }
        }
        return vars;
    }
}
