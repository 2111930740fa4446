// Hand-written compile-only stub (remoting 3261.v9c670a_4748a_9, hudson.remoting.RemoteInputStream): reads the wrapped stream, also from
// the other side of a channel once serialised.
package hudson.remoting;

import java.io.InputStream;
import java.io.Serializable;

public class RemoteInputStream extends InputStream implements Serializable {
    private static final long serialVersionUID = 1L;

    public RemoteInputStream(InputStream core) {
    }

    @Override
    public int read() {
        throw new UnsupportedOperationException("stub");
    }
}
