package io.jenkins.plugins.devspacebuild.handoff;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;

/** Bad input to the hand-off (a results file or YAML file that cannot be read): exit code 2, the message says what to do. */
public final class HandoffException extends DevSpaceBuildException {
    private static final long serialVersionUID = 1L;

    public HandoffException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
