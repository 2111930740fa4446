package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.io.IOException;

/** Looks a FROM image up in its registry. */
@FunctionalInterface
public interface BaseImages {

    /**
     * @param image the image as written after FROM, variables expanded ({@code busybox}, {@code reg:5000/a/b:1},
     *              {@code a@sha256:...})
     * @throws IllegalArgumentException when the name is not a valid image reference
     * @throws IOException              when the registry cannot be read or does not have it (the message says which)
     */
    ResolvedBase resolve(String image) throws IOException, InterruptedException;
}
