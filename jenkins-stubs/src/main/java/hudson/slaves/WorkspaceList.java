// Signature stub of jenkins-core 2.479.3: hudson/slaves/WorkspaceList.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.slaves;

import hudson.FilePath;

public final class WorkspaceList {

    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException("stub");
    }

    private WorkspaceList(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
