package io.jenkins.plugins.devspacebuild.registry;

import java.io.IOException;

/** A failure worth retrying: connection refused or reset, a 5xx answer, a timeout. */
public class TransientException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int attempts;

    public TransientException(String message, Throwable cause) {
        this(message, cause, 1);
    }

    private TransientException(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** The same failure, saying how many attempts were made. */
    TransientException afterAttempts(int n) {
        return new TransientException(getMessage() + " (gave up after " + n + " attempts)", getCause(), n);
    }

    public int attempts() {
        return attempts;
    }
}
