package io.jenkins.plugins.devspacebuild.builder.embedded;

/**
 * A registry base image, pinned.
 *
 * @param written   as the Dockerfile names it (variables expanded), for messages
 * @param registry  its registry host, normalised (credentials are looked up by it)
 * @param reference {@code registry/path@sha256:...}: the manifest that was read, so the layers pulled belong to the
 *                  configuration the Dockerfile was interpreted against
 * @param config    its configuration
 */
public record ResolvedBase(String written, String registry, String reference, BaseImageConfig config) {
}
