package io.jenkins.plugins.devspacebuild.event;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every occurrence of a secret in the text of events with {@code ****} before they reach the log (a
 * builder's output could echo a password, as a custom command might).
 */
public final class MaskingEventSink implements EventSink {
    static final String MASK = "****";
    private final EventSink delegate;
    private final List<String> secrets;

    public MaskingEventSink(EventSink delegate, Collection<String> secrets) {
        this.delegate = delegate;
        // longest first, so a secret that contains another is masked whole
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public void accept(BuildEvent event) {
        if (secrets.isEmpty()) {
            delegate.accept(event);
            return;
        }
        if (event instanceof BuildEvent.Output o) {
            delegate.accept(new BuildEvent.Output(o.image(), mask(o.line())));
        } else if (event instanceof BuildEvent.Message m) {
            delegate.accept(new BuildEvent.Message(m.image(), m.level(), mask(m.text())));
        } else {
            delegate.accept(event);
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
