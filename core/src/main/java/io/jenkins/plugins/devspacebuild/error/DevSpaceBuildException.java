package io.jenkins.plugins.devspacebuild.error;

/**
 * An error a person can act on. Its message says where (file and line, or image), what went wrong and what to do;
 * front ends print the message only, never a stack trace.
 */
public class DevSpaceBuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public DevSpaceBuildException(String message) {
        super(message);
    }

    public DevSpaceBuildException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code a command line should end with: 2 for bad input, 1 for a failed build. */
    public int exitCode() {
        return 1;
    }
}
