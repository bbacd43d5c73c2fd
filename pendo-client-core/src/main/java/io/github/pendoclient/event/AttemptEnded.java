package io.github.pendoclient.event;

import java.time.Duration;
import java.util.Objects;

/**
 * One attempt of a call ended, with a response or without one.
 *
 * @param endpoint the endpoint template
 * @param attempt the attempt's number, starting at 1
 * @param statusCode the HTTP status of the response, or 0 when no response arrived
 * @param elapsed time the attempt took on the wire
 */
public record AttemptEnded(Endpoint endpoint, int attempt, int statusCode, Duration elapsed) {

    /**
     * Checks the components.
     *
     * @param endpoint the endpoint template
     * @param attempt the attempt's number, starting at 1
     * @param statusCode the HTTP status of the response, or 0 when no response arrived
     * @param elapsed time the attempt took on the wire
     * @throws NullPointerException if a component is null
     */
    public AttemptEnded {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The status class for a metric tag: {@code "2xx"} … {@code "5xx"}, or {@code "none"} when no response arrived.
     *
     * @return the status class
     */
    public String statusClass() {
        return StatusClasses.of(statusCode);
    }
}
