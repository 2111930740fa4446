// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.Launcher): starts processes where the build runs (possibly through
// decorators such as kubernetes-plugin's container step).
package hudson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {
    protected Launcher() {
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("stub");
    }

    public final class ProcStarter {
        private ProcStarter() {
        }

        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("stub");
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException("stub");
        }

        public ProcStarter pwd(String workDir) {
            throw new UnsupportedOperationException("stub");
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException("stub");
        }

        public ProcStarter stdin(InputStream in) {
            throw new UnsupportedOperationException("stub");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("stub");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("stub");
        }
    }
}
