// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Item).
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission READ = Permission.stub();
    Permission EXTENDED_READ = Permission.stub();

    String getFullName();
}
