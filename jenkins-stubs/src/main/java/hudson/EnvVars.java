// Signature stub of jenkins-core 2.479.3: hudson/EnvVars.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String,String> {

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }

    protected EnvVars(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
