// Hand-written compile-only stub (jenkins-core 2.541.3, jenkins.agents.ControllerToAgentFileCallable): a FileCallable
// that runs on an agent. The real interface also has a default checkRoles(RoleChecker), which the plugin neither calls
// nor overrides (the stub FileCallable has no role check).
package jenkins.agents;

import hudson.FilePath;

public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
}
