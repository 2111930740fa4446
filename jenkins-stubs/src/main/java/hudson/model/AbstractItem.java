// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.AbstractItem).
package hudson.model;

public abstract class AbstractItem extends Actionable implements Item {
    protected AbstractItem() {
    }

    public ItemGroup getParent() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("stub");
    }
}
