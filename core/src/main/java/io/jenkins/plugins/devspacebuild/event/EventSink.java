package io.jenkins.plugins.devspacebuild.event;

/** Receives a run's events. Called from several threads at once: implementations must be thread-safe. */
@FunctionalInterface
public interface EventSink {
    void accept(BuildEvent event);

    EventSink NONE = e -> { };

    default void info(String image, String text) {
        accept(BuildEvent.info(image, text));
    }

    default void warning(String image, String text) {
        accept(BuildEvent.warning(image, text));
    }

    default void output(String image, String line) {
        accept(new BuildEvent.Output(image, line));
    }
}
