package io.jenkins.plugins.devspacebuild.registry;

import java.time.Duration;

/**
 * How transient registry and daemon errors are retried: at most {@code attempts} tries, waiting {@code initialDelay},
 * then twice as long each time, up to {@code maxDelay}.
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        long ms = initialDelay.toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
    }
}
