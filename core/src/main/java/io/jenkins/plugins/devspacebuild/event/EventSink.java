package io.jenkins.plugins.devspacebuild.event;

import java.util.List;

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

    /** Every event to each of the sinks, in order. */
    static EventSink all(List<EventSink> sinks) {
        List<EventSink> copy = List.copyOf(sinks);
        return e -> copy.forEach(s -> s.accept(e));
    }
}
