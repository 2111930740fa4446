// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.EnvironmentContributingAction).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {
    default void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
    }
}
