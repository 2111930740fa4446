// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.security.Permission).
package hudson.security;

public final class Permission {
    private Permission() {
    }

    /** Not in the real class: how the stubs make the constants they declare. */
    public static Permission stub() {
        return new Permission();
    }
}
