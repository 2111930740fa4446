// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.ModelObject).
package hudson.model;

public interface ModelObject {
    String getDisplayName();
}
