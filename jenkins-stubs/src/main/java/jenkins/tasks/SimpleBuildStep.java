// Signature stub of jenkins-core 2.479.3: jenkins/tasks/SimpleBuildStep.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

public interface SimpleBuildStep extends BuildStep {

    default void perform(Run<?,?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stub");
    }
}
