// Signature stub of jenkins-core 2.479.3: hudson/model/Job.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.model;

import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

public abstract class Job<JobT extends Job<JobT,RunT>, RunT extends Run<JobT,RunT>> extends AbstractItem implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }

    protected Job(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        super((io.jenkins.plugins.devspacebuild.stubs.StubOnly) null);
        throw new UnsupportedOperationException("stub");
    }
}
