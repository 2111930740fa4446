// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.AbstractDescribableImpl): deprecated since 2.505,
// now empty; kept because workflow-step-api's Step still extends it.
package hudson.model;

@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
