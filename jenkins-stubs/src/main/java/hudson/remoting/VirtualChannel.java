// Signature stub of remoting 3261.v9c670a_4748a_9: hudson/remoting/VirtualChannel.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.remoting;


public interface VirtualChannel {
}
