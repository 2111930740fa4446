// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.EnvVars): a TreeMap of the build's variables.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
