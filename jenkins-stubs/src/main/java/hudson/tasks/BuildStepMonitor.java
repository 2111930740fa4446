// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.tasks.BuildStepMonitor).
package hudson.tasks;

public enum BuildStepMonitor {
    NONE, STEP, BUILD
}
