// Hand-written compile-only stub (jenkins-core 2.479.3, hudson.Launcher): starts processes where the build runs.
package hudson;

public abstract class Launcher {
    protected Launcher() {
    }
}
