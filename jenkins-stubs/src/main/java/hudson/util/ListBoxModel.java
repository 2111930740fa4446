// Signature stub of jenkins-core 2.479.3: hudson/util/ListBoxModel.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public static final class Option {

        private Option(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
            throw new UnsupportedOperationException("stub");
        }
    }

    public ListBoxModel() {
        throw new UnsupportedOperationException("stub");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("stub");
    }
}
