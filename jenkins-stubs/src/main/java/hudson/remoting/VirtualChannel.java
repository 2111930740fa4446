// Hand-written compile-only stub (remoting, hudson.remoting.VirtualChannel): the connection to an agent.
package hudson.remoting;

public interface VirtualChannel {
}
