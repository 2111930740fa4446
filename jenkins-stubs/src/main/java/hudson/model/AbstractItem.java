// Signature stub of jenkins-core 2.479.3: hudson/model/AbstractItem.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.model;

import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {

    public ItemGroup getParent() {
        throw new UnsupportedOperationException("stub");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("stub");
    }

    protected AbstractItem(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
