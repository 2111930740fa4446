// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.AbstractProject): only named in BuildStepDescriptor.isApplicable.
package hudson.model;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends Run<P, R>> extends Job<P, R> {
    protected AbstractProject() {
    }
}
