// Signature stub of stapler 1903.1905.ve5a_f469356f0: org/kohsuke/stapler/StaplerOverridable.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package org.kohsuke.stapler;


public interface StaplerOverridable {
}
