package io.jenkins.plugins.devspacebuild.registry;

import java.io.IOException;

/** A push failed for a reason that retrying does not fix (other than credentials). */
public class PushFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    public PushFailedException(String message) {
        super(message);
    }
}
