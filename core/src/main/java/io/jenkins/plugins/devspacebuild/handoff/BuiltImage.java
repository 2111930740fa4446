package io.jenkins.plugins.devspacebuild.handoff;

/**
 * An image of a run that has a tag to deploy (built now, or skipped with its cached tag).
 *
 * @param key        the image key under {@code images}
 * @param repository the repository as written in devspace.yaml
 * @param tag        the tag to deploy (the first of the image's tags)
 * @param digest     the registry manifest digest ({@code sha256:...}), or null when unknown (not pushed)
 */
public record BuiltImage(String key, String repository, String tag, String digest) {

    public BuiltImage {
        if (key == null || repository == null || tag == null || key.isBlank() || repository.isBlank() || tag.isBlank()) {
            throw new IllegalArgumentException("an image needs a key, a repository and a tag");
        }
        digest = digest == null || digest.isBlank() ? null : digest;
    }
}
