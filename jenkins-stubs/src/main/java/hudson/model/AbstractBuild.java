// Signature stub of jenkins-core 2.479.3: hudson/model/AbstractBuild.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.model;

import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;

public abstract class AbstractBuild<P extends AbstractProject<P,R>, R extends AbstractBuild<P,R>> extends Run<P,R> implements Queue.Executable, LazyBuildMixIn.LazyLoadingRun<P,R>, RunWithSCM<P,R> {

    protected AbstractBuild(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        super((io.jenkins.plugins.devspacebuild.stubs.StubOnly) null);
        throw new UnsupportedOperationException("stub");
    }
}
