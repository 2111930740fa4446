package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build log kept in memory, for the agent-side unit tests (no Jenkins runs). */
final class CapturingListener implements TaskListener {
    private static final long serialVersionUID = 1L;
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return out;
    }

    void reset() {
        bytes.reset();
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
