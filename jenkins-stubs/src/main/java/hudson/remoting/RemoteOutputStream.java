// Hand-written compile-only stub (remoting 3261.v9c670a_4748a_9, hudson.remoting.RemoteOutputStream): writes to the wrapped stream, also
// from the other side of a channel once serialised.
package hudson.remoting;

import java.io.OutputStream;
import java.io.Serializable;

public final class RemoteOutputStream extends OutputStream implements Serializable {
    private static final long serialVersionUID = 1L;

    public RemoteOutputStream(OutputStream core) {
    }

    @Override
    public void write(int b) {
        throw new UnsupportedOperationException("stub");
    }
}
