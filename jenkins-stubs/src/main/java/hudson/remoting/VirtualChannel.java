// Hand-written compile-only stub (remoting 3261.v9c670a_4748a_9, hudson.remoting.VirtualChannel): the connection to an agent.
package hudson.remoting;

public interface VirtualChannel {
    <T> T export(Class<T> type, T instance);
}
