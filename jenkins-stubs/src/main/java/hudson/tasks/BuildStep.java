// Signature stub of jenkins-core 2.479.3: hudson/tasks/BuildStep.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.tasks;


public interface BuildStep {
}
