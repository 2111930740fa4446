// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.ExtensionPoint): a marker interface.
package hudson;

public interface ExtensionPoint {
}
