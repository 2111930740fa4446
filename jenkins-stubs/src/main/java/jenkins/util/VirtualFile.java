// Hand-written compile-only stub (jenkins-core 2.541.3, jenkins.util.VirtualFile).
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {
    private static final long serialVersionUID = 1L;

    protected VirtualFile() {
    }

    public abstract @NonNull VirtualFile child(@NonNull String name);

    public abstract boolean isFile() throws IOException;

    public abstract InputStream open() throws IOException;
}
