// Signature stub of jenkins-core 2.479.3: hudson/util/Secret.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {

    public String getPlainText() {
        throw new UnsupportedOperationException("stub");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("stub");
    }

    private Secret(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
