package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import java.util.List;

/**
 * One image to build.
 *
 * @param image the image's configuration
 * @param input what is sent: the context and the in-memory Dockerfile
 * @param tags  the tags to apply (the first is the published one)
 * @param push  whether to push every tag
 */
public record BuildRequest(ImageConfig image, BuildInput input, List<String> tags, boolean push) {
    public BuildRequest {
        tags = List.copyOf(tags);
    }

    public String key() {
        return image.key();
    }

    /** {@code repository:tag} for every tag. */
    public List<String> references() {
        return tags.stream().map(t -> image.image().withTag(t)).toList();
    }
}
