package io.jenkins.plugins.devspacebuild.event;

import java.util.Collection;

/**
 * Passes every event through a {@link SecretMasker} before it reaches the log: every string of every event type
 * (structurally, through {@link BuildEvent#masked}), so a builder's output, a failure reason built from it, or the
 * summary can never carry a secret.
 */
public final class MaskingEventSink implements EventSink {
    private final EventSink delegate;
    private final SecretMasker masker;

    public MaskingEventSink(EventSink delegate, SecretMasker masker) {
        this.delegate = delegate;
        this.masker = masker;
    }

    public MaskingEventSink(EventSink delegate, Collection<String> secrets) {
        this(delegate, SecretMasker.of(secrets));
    }

    @Override
    public void accept(BuildEvent event) {
        delegate.accept(masker.isEmpty() ? event : event.masked(masker));
    }

    public String mask(String text) {
        return masker.apply(text);
    }
}
