// Hand-written compile-only stub (jenkins-core 2.479.3, hudson.model.Describable).
package hudson.model;

public interface Describable<T extends Describable<T>> {
}
