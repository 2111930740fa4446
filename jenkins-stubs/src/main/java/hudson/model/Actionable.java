// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Actionable): what holds actions (runs, jobs).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable {
    protected Actionable() {
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stub");
    }
}
