package io.jenkins.plugins.devspacebuild.result;

import java.util.List;

/**
 * What happened to one image in a run.
 *
 * @param name       the image key
 * @param repository the repository as written in devspace.yaml
 * @param tags       the tags it has now (built: the new ones; skipped: the cached ones); the first is published
 * @param digest     the registry manifest digest, when pushed and known
 * @param imageId    the local image id or tarball, when known
 * @param status     built, skipped or failed
 * @param reason     why it was built or skipped, or why it failed
 * @param builder    the builder used (or that built it last, when skipped)
 * @param durationMs wall time spent on the image in this run
 */
public record ImageResult(String name, String repository, List<String> tags, String digest, String imageId, Status status, String reason,
                          String builder, long durationMs) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public ImageResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public enum Status {
        BUILT("built"), SKIPPED("skipped"), FAILED("failed");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** {@code repository:firstTag}, or null when the image has no tag (it failed). */
    public String reference() {
        return tags.isEmpty() ? null : repository + ":" + tags.get(0);
    }

    /** {@code repository:firstTag@digest}, or null when the digest is unknown. */
    public String referenceWithDigest() {
        return tags.isEmpty() || digest == null ? null : reference() + "@" + digest;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** A copy with every string passed through {@code f} (the engine's masking boundary). */
    public ImageResult masked(java.util.function.UnaryOperator<String> f) {
        return new ImageResult(f.apply(name), f.apply(repository), tags.stream().map(f).toList(), f.apply(digest), f.apply(imageId), status,
                f.apply(reason), f.apply(builder), durationMs);
    }
}
