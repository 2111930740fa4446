package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.error.MaskedException;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.event.MaskingEventSink;
import io.jenkins.plugins.devspacebuild.event.SecretMasker;
import io.jenkins.plugins.devspacebuild.result.RunResult;

/**
 * The one place every string leaving the engine passes through: events of every type (structurally), the run's result
 * (failure reasons are built from process output; they feed the summary, the result files and the published
 * variables), and exceptions (re-thrown with the message masked and without the cause chain when any text of the chain
 * held a secret). Secrets are masked with their shell-quoted and Base64 forms ({@link SecretMasker}).
 */
final class MaskingBoundary {
    private final SecretMasker masker;

    MaskingBoundary(SecretMasker masker) {
        this.masker = masker;
    }

    EventSink events(EventSink inner) {
        return masker.isEmpty() ? inner : new MaskingEventSink(inner, masker);
    }

    RunResult result(RunResult r) {
        return masker.isEmpty() ? r : r.masked(masker);
    }

    DevSpaceBuildException exception(DevSpaceBuildException e) {
        return holdsSecret(e) ? new MaskedException(masker.apply(e.getMessage()), e.exitCode()) : e;
    }

    RuntimeException exception(RuntimeException e) {
        return holdsSecret(e) ? new IllegalStateException(masker.apply(String.valueOf(e))) : e;
    }

    private boolean holdsSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t);
            if (!masker.apply(text).equals(text)) {
                return true;
            }
        }
        return false;
    }
}
