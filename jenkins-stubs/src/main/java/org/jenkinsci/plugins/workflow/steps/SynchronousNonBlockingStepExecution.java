// Signature stub of workflow-step-api 704.ve4f0967e98fa_: org/jenkinsci/plugins/workflow/steps/SynchronousNonBlockingStepExecution.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package org.jenkinsci.plugins.workflow.steps;


public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super((io.jenkins.plugins.devspacebuild.stubs.StubOnly) null);
        throw new UnsupportedOperationException("stub");
    }

    protected abstract T run() throws Exception;
}
