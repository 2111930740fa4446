package io.jenkins.plugins.devspacebuild.cache;

/**
 * Step 4b: the three hashes that decide whether an image is skipped (hex SHA-256 each).
 *
 * @param dockerfile the in-memory Dockerfile, with the ENTRYPOINT/CMD override applied
 * @param context    the build context (or, for a custom builder with onChange, the files it names)
 * @param config     the build-relevant configuration: repository, builder and its settings, build args, target,
 *                   network; not the tags, so a tag template such as ${BUILD_NUMBER} does not force a rebuild
 */
public record ImageHashes(String dockerfile, String context, String config) {
}
