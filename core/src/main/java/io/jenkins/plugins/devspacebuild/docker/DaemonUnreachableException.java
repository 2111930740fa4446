package io.jenkins.plugins.devspacebuild.docker;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;

/** The Docker daemon does not answer. The message names the address and what to do. */
public class DaemonUnreachableException extends DevSpaceBuildException {
    private static final long serialVersionUID = 1L;

    public DaemonUnreachableException(String host, String why) {
        super("Docker daemon not reachable at " + host + " (" + why + "); start Docker on this machine, or point DOCKER_HOST at a "
                + "running daemon");
    }

    /** @param message the whole message: what is wrong and what to do */
    public DaemonUnreachableException(String message) {
        super(message);
    }
}
