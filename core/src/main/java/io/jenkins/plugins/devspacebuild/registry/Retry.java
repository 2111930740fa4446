package io.jenkins.plugins.devspacebuild.registry;

import io.jenkins.plugins.devspacebuild.event.EventSink;

/** Runs an action again after transient failures, as a {@link RetryPolicy} says; never retries a permanent one. */
public final class Retry {

    /** An action that may fail transiently. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    private Retry() {
    }

    /**
     * @param what   what is tried, for the log ("push of app:abc12")
     * @param image  the image key, for the log
     * @param events where "retrying" lines go
     * @return the action's result
     * @throws Exception the last failure, after the last attempt or at once when it is not {@link TransientException}
     */
    public static <T> T run(RetryPolicy policy, String what, String image, EventSink events, Action<T> action) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.run();
            } catch (TransientException e) {
                if (attempt >= policy.attempts()) {
                    throw e.afterAttempts(attempt);
                }
                long delay = policy.delayAfter(attempt).toMillis();
                events.warning(image, what + " failed (" + e.getMessage() + "); retrying in " + delay + " ms (attempt " + (attempt + 1)
                        + " of " + policy.attempts() + ")");
                Thread.sleep(delay);
            }
        }
    }
}
