// Hand-written compile-only stub (jenkins-core 2.479.3, hudson.model.AbstractDescribableImpl).
package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
