// Signature stub of jenkins-core 2.479.3: hudson/security/AccessControlled.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.security;


public interface AccessControlled {

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("stub");
    }
}
