// Signature stub of jenkins-core 2.479.3: hudson/tasks/Builder.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {

    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stub");
    }
}
