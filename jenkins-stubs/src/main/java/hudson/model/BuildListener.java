// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.BuildListener).
package hudson.model;

public interface BuildListener extends TaskListener {
}
