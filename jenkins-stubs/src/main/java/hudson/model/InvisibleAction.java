// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.InvisibleAction): an action with no link on the page.
package hudson.model;

public abstract class InvisibleAction implements Action {
    protected InvisibleAction() {
    }

    @Override
    public String getDisplayName() {
        return null;
    }
}
