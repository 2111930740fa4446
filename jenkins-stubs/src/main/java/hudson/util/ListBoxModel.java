// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.util.ListBoxModel). The real element type is the nested Option.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("stub");
    }

    public static final class Option {
        private Option() {
        }
    }
}
