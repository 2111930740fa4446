package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;

/** An image did not build, push or tag. The message says where (the failing step) and what the builder said. */
public class BuildFailedException extends DevSpaceBuildException {
    private static final long serialVersionUID = 1L;

    public BuildFailedException(String message) {
        super(message);
    }

    public BuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
