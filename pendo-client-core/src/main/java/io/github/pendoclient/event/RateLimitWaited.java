package io.github.pendoclient.event;

import java.time.Duration;
import java.util.Objects;

/**
 * An attempt waited for the client-side rate limit before it was sent.
 *
 * @param endpoint the endpoint template
 * @param delay how long it waited, more than zero
 */
public record RateLimitWaited(Endpoint endpoint, Duration delay) {

    /**
     * Checks the components.
     *
     * @param endpoint the endpoint template
     * @param delay how long it waited, more than zero
     * @throws NullPointerException if a component is null
     */
    public RateLimitWaited {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delay, "delay");
    }
}
