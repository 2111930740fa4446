// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.security.AccessControlled).
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

public interface AccessControlled {
    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stub");
    }
}
