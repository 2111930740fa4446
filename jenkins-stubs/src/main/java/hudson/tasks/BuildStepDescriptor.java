// Signature stub of jenkins-core 2.479.3: hudson/tasks/BuildStepDescriptor.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {

    protected BuildStepDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
