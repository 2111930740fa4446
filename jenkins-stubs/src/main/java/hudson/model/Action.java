// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Action). The real interface declares getIconFileName, getDisplayName
// and getUrlName; InvisibleAction implements them.
package hudson.model;

public interface Action extends ModelObject {
}
