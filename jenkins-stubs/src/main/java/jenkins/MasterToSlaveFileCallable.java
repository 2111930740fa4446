// Hand-written compile-only stub (jenkins-core 2.541.3, jenkins.MasterToSlaveFileCallable): since 2.485 it implements
// jenkins.agents.ControllerToAgentFileCallable (which declares the controller-to-agent role check) instead of
// FileCallable directly; not deprecated.
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
