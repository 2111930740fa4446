// Hand-written compile-only stub (jenkins-core 2.541.3, jenkins.util.BuildListenerAdapter).
package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

public final class BuildListenerAdapter implements BuildListener {
    private static final long serialVersionUID = 1L;

    private BuildListenerAdapter() {
    }

    @Override
    public PrintStream getLogger() {
        throw new UnsupportedOperationException("stub");
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException("stub");
    }
}
