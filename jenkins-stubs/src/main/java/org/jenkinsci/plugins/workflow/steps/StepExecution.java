// Signature stub of workflow-step-api 704.ve4f0967e98fa_: org/jenkinsci/plugins/workflow/steps/StepExecution.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    public StepContext getContext() {
        throw new UnsupportedOperationException("stub");
    }

    protected StepExecution(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
