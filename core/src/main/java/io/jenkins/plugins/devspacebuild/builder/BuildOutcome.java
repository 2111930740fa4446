package io.jenkins.plugins.devspacebuild.builder;

/**
 * What a builder produced.
 *
 * @param builder the builder that built it
 * @param digest  the pushed manifest digest, or null when not pushed or unknown
 * @param imageId the local image id or the tarball written, or null
 */
public record BuildOutcome(String builder, String digest, String imageId) {
}
