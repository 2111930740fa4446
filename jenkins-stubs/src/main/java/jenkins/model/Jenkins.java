// Hand-written compile-only stub (jenkins-core 2.541.3, jenkins.model.Jenkins). The real class extends AbstractCIBase (which is
// AccessControlled) and much more.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.springframework.security.core.Authentication;

public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = Permission.stub();

    private Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stub");
    }

    public static @NonNull Authentication getAuthentication2() {
        throw new UnsupportedOperationException("stub");
    }
}
