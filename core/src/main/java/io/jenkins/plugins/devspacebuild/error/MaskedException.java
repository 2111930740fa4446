package io.jenkins.plugins.devspacebuild.error;

/**
 * An error whose message had a secret in it (or in its causes), re-thrown by the engine's boundary with the secret
 * masked: it keeps the exit code of the original, and no cause, so no text of the original chain leaves the engine.
 */
public final class MaskedException extends DevSpaceBuildException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public MaskedException(String maskedMessage, int exitCode) {
        super(maskedMessage);
        this.exitCode = exitCode;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
