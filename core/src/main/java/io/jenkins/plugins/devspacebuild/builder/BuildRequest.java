package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.RuntimeVariables;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One image to build.
 *
 * @param image   the image's configuration
 * @param input   what is sent: the context and the in-memory Dockerfile
 * @param tags    the tags to apply (the first is the published one)
 * @param push    whether to push every tag
 * @param runtime what each image key is known as so far in this run ({@code ${runtime.images.KEY.image}}/{@code .tag});
 *                empty for an image not known (yet)
 */
public record BuildRequest(ImageConfig image, BuildInput input, List<String> tags, boolean push,
                           Function<String, Optional<RuntimeVariables.RuntimeImage>> runtime) {
    public BuildRequest {
        tags = List.copyOf(tags);
        runtime = runtime == null ? key -> Optional.empty() : runtime;
    }

    /** A request that knows no other image of the run. */
    public BuildRequest(ImageConfig image, BuildInput input, List<String> tags, boolean push) {
        this(image, input, tags, push, null);
    }

    public String key() {
        return image.key();
    }

    /** {@code repository:tag} for every tag. */
    public List<String> references() {
        return tags.stream().map(t -> image.image().withTag(t)).toList();
    }
}
