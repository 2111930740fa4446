// Hand-written compile-only stub (jenkins-core 2.541.3, hudson.model.Queue): only the nested Task interface.
package hudson.model;

public class Queue {
    private Queue() {
    }

    public interface Task extends ModelObject {
    }
}
