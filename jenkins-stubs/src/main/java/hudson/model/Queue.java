// Signature stub of jenkins-core 2.479.3: hudson/model/Queue.java
// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.
// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.
package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;

public class Queue extends ResourceController implements Saveable {

    public interface Task extends ModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }

    protected Queue(io.jenkins.plugins.devspacebuild.stubs.StubOnly stubOnly) {
        throw new UnsupportedOperationException("stub");
    }
}
