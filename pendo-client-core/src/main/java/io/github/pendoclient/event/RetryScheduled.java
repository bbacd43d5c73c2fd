package io.github.pendoclient.event;

import java.time.Duration;
import java.util.Objects;

/**
 * The stack will send a failed attempt again after a wait.
 *
 * @param endpoint the endpoint template
 * @param failedAttempt the number of the attempt that failed, starting at 1
 * @param reason why it is sent again
 * @param delay how long the stack waits before the next attempt ({@code Retry-After} or backoff)
 */
public record RetryScheduled(Endpoint endpoint, int failedAttempt, RetryReason reason, Duration delay) {

    /**
     * Checks the components.
     *
     * @param endpoint the endpoint template
     * @param failedAttempt the number of the attempt that failed, starting at 1
     * @param reason why it is sent again
     * @param delay how long the stack waits before the next attempt ({@code Retry-After} or backoff)
     * @throws NullPointerException if a component is null
     */
    public RetryScheduled {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(delay, "delay");
    }
}
