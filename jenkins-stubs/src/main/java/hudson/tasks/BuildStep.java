// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.tasks.BuildStep).
package hudson.tasks;

public interface BuildStep {
    BuildStepMonitor getRequiredMonitorService();
}
