package io.jenkins.plugins.devspacebuild.builder.embedded;

/**
 * The Dockerfile asks for something the embedded builder cannot do, or is wrong in a way Docker would reject too. The
 * message names the file, the line and the instruction, and what to do.
 */
public class DockerfileProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public DockerfileProblem(String message) {
        super(message);
    }
}
