package io.jenkins.plugins.devspacebuild.event;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What happened to one image, as events carry it (the engine's result types stay out of this package).
 *
 * @param name       the image key
 * @param reference  {@code repository:firstTag}, or null (failed)
 * @param tags       its tags now
 * @param digest     the manifest digest, or null
 * @param status     "built", "skipped" or "failed"
 * @param reason     why it was built or skipped, or why it failed
 * @param builder    the builder used
 * @param durationMs wall time spent on it
 */
public record ImageLine(String name, String reference, List<String> tags, String digest, String status, String reason, String builder,
                        long durationMs) {
    public static final String BUILT = "built";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    public ImageLine {
        tags = List.copyOf(tags);
    }

    public ImageLine masked(UnaryOperator<String> f) {
        return new ImageLine(f.apply(name), f.apply(reference), tags.stream().map(f).toList(), f.apply(digest), f.apply(status), f.apply(reason),
                f.apply(builder), durationMs);
    }
}
