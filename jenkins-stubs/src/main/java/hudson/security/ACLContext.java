// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.security.ACLContext): restores the previous authentication on close.
package hudson.security;

public class ACLContext implements AutoCloseable {
    private ACLContext() {
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stub");
    }
}
