// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.Proc): a started process.
package hudson;

import java.io.IOException;

public abstract class Proc {
    protected Proc() {
    }

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;
}
