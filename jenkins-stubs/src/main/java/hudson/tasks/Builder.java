// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.tasks.Builder). The real class extends BuildStepCompatibilityLayer, which
// implements BuildStep.
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class Builder implements BuildStep, Describable<Builder>, ExtensionPoint {
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stub");
    }
}
