// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Descriptor).
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }
}
