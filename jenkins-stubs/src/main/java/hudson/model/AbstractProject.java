// Signature stub of jenkins-core 2.479.3: hudson/model/AbstractProject.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.model;

import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.lazy.LazyBuildMixIn;

public abstract class AbstractProject<P extends AbstractProject<P,R>, R extends AbstractBuild<P,R>> extends Job<P,R> implements BuildableItem, LazyBuildMixIn.LazyLoadingJob<P,R>, ParameterizedJobMixIn.ParameterizedJob<P,R> {

    protected AbstractProject(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        super((io.jenkins.plugins.devspacebuild.stubs.StubOnly) null);
        throw new UnsupportedOperationException("stub");
    }
}
