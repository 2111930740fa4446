// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.TaskListener).
package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

public interface TaskListener extends Serializable {
    PrintStream getLogger();
}
