// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Describable). Since 2.505 getDescriptor() is a
// default method here (it finds the descriptor registered for getClass()), so a class can implement Describable directly
// instead of extending the deprecated AbstractDescribableImpl.
package hudson.model;

public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
