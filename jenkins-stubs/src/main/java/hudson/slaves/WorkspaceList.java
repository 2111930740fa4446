// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.slaves.WorkspaceList).
package hudson.slaves;

import hudson.FilePath;

public final class WorkspaceList {
    private WorkspaceList() {
    }

    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException("stub");
    }
}
