// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.AbortException): only what the plugin uses.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException(String message) {
        super(message);
    }
}
