// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Job).
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    protected Job() {
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }
}
