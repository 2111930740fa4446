package io.jenkins.plugins.devspacebuild.jenkins;

import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.Serializable;

/**
 * What the agent sends back: the run's result, or the error that stopped it before any image was built (bad
 * configuration, unreadable context). Crosses the remoting channel, so it and everything in it must pass Jenkins'
 * class filter: this class is in the plugin's jar; {@link RunResult} and its {@code ImageResult}s are records of
 * {@code devspace-build-core}, whose manifest says {@code Jenkins-ClassFilter-Whitelisted: true} (core/pom.xml).
 * The error text is already masked on the agent.
 */
final class AgentOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    final RunResult result;
    final String error;

    private AgentOutcome(RunResult result, String error) {
        this.result = result;
        this.error = error;
    }

    static AgentOutcome of(RunResult result) {
        return new AgentOutcome(result, null);
    }

    static AgentOutcome error(String message) {
        return new AgentOutcome(null, message);
    }
}
