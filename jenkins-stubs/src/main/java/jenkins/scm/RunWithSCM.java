// Signature stub of jenkins-core 2.479.3: jenkins/scm/RunWithSCM.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

public interface RunWithSCM<JobT extends Job<JobT,RunT>, RunT extends Run<JobT,RunT> & RunWithSCM<JobT,RunT>> {
}
