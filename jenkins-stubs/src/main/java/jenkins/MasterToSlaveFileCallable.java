// Hand-written compile-only stub (jenkins-core 2.479.3, jenkins.MasterToSlaveFileCallable): up to 2.479.x it implements FileCallable directly.
package jenkins;

import hudson.FilePath.FileCallable;

public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
    private static final long serialVersionUID = 1L;
}
