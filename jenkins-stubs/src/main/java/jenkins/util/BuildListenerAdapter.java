// Signature stub of jenkins-core 2.479.3: jenkins/util/BuildListenerAdapter.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

public final class BuildListenerAdapter implements BuildListener {

    public PrintStream getLogger() {
        throw new UnsupportedOperationException("stub");
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException("stub");
    }

    private BuildListenerAdapter(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
