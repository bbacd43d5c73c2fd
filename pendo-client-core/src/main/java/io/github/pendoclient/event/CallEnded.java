package io.github.pendoclient.event;

import java.time.Duration;
import java.util.Objects;

/**
 * A call ended, after all its attempts.
 *
 * @param endpoint the endpoint template
 * @param attempts how many attempts were sent, at least 1 unless the call failed before sending
 * @param statusCode the HTTP status of the last response, or 0 when no response arrived
 * @param elapsed time from the start of the call to its end, waits included
 * @param errorType the simple class name of the exception the call failed with, or {@code "none"} on success
 */
public record CallEnded(Endpoint endpoint, int attempts, int statusCode, Duration elapsed, String errorType) {

    /**
     * Checks the components.
     *
     * @param endpoint the endpoint template
     * @param attempts how many attempts were sent, at least 1 unless the call failed before sending
     * @param statusCode the HTTP status of the last response, or 0 when no response arrived
     * @param elapsed time from the start of the call to its end, waits included
     * @param errorType the simple class name of the exception the call failed with, or {@code "none"} on success
     * @throws NullPointerException if a component is null
     */
    public CallEnded {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(errorType, "errorType");
    }

    /**
     * Whether the call succeeded.
     *
     * @return true when it ended without an exception
     */
    public boolean succeeded() {
        return errorType.equals("none");
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
