package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.FaultAccess;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure a {@link FakePendo} plays instead of (or on top of) its normal answer, for the next requests to an
 * endpoint: an HTTP status with or without {@code Retry-After}, Pendo's HTML 503 page from its web application
 * firewall, a delay, or a connection dropped halfway through the body. Immutable.
 *
 * <pre>{@code
 * pendo.enqueueFault(Endpoint.AGGREGATION, Fault.status(429).retryAfterSeconds(1).times(2));
 * pendo.enqueueFault(Endpoint.AGGREGATION, Fault.disconnectMidBody());
 * }</pre>
 */
public final class Fault {

    static {
        FaultAccess.register(fault -> new FaultAccess.Plan(
                fault.status,
                fault.contentType,
                fault.body,
                fault.retryAfterSeconds,
                fault.delay,
                fault.disconnectMidBody));
    }

    private final int status;
    private final Long retryAfterSeconds;
    private final String body;
    private final String contentType;
    private final Duration delay;
    private final boolean disconnectMidBody;
    private final int times;

    private Fault(
            int status,
            Long retryAfterSeconds,
            String body,
            String contentType,
            Duration delay,
            boolean disconnectMidBody,
            int times) {
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.body = body;
        this.contentType = contentType;
        this.delay = delay;
        this.disconnectMidBody = disconnectMidBody;
        this.times = times;
    }

    /**
     * Answer with a status and a JSON error body.
     *
     * @param status an HTTP status, for example 429 or 500
     * @return the fault, played once
     */
    public static Fault status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        String message = "\"Injected fault: HTTP " + status + "\"";
        return new Fault(
                status,
                null,
                "{\"overall\":" + message + ",\"fields\":{},\"message\":" + message + "}",
                "application/json",
                Duration.ZERO,
                false,
                1);
    }

    /**
     * Answer 503 with an HTML page, as a web application firewall in front of Pendo does.
     *
     * @return the fault, played once
     */
    public static Fault html503() {
        return new Fault(
                503,
                null,
                "<html><head><title>503 Service Temporarily Unavailable</title></head><body>"
                        + "<center><h1>503 Service Temporarily Unavailable</h1></center></body></html>",
                "text/html",
                Duration.ZERO,
                false,
                1);
    }

    /**
     * Answer normally, after a delay.
     *
     * @param delay how long to wait before the headers
     * @return the fault, played once
     */
    public static Fault delay(Duration delay) {
        return new Fault(0, null, null, null, Objects.requireNonNull(delay, "delay"), false, 1);
    }

    /**
     * Answer normally but drop the connection halfway through the body: the answer promises its whole length and the
     * connection closes after half of it. An answer without a body (a metadata write, a track event) promises a
     * two-byte body and closes before sending any, so every endpoint fails the same way, on this call only.
     *
     * @return the fault, played once
     */
    public static Fault disconnectMidBody() {
        return new Fault(0, null, null, null, Duration.ZERO, true, 1);
    }

    /**
     * Adds a {@code Retry-After} header in seconds.
     *
     * @param seconds zero or more
     * @return a new fault
     */
    public Fault retryAfterSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return new Fault(status, seconds, body, contentType, delay, disconnectMidBody, times);
    }

    /**
     * Replaces the body of a status fault.
     *
     * @param body the body
     * @return a new fault
     */
    public Fault body(String body) {
        return new Fault(
                status,
                retryAfterSeconds,
                Objects.requireNonNull(body, "body"),
                contentType,
                delay,
                disconnectMidBody,
                times);
    }

    /**
     * Plays the fault for this many requests in a row.
     *
     * @param times at least 1
     * @return a new fault
     */
    public Fault times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        return new Fault(status, retryAfterSeconds, body, contentType, delay, disconnectMidBody, times);
    }

    /**
     * The status, or 0 when the normal answer is used.
     *
     * @return the status
     */
    public int statusCode() {
        return status;
    }

    /**
     * How many requests in a row it is played for.
     *
     * @return the count
     */
    public int times() {
        return times;
    }

    @Override
    public String toString() {
        return "Fault{"
                + (status != 0 ? "status=" + status : disconnectMidBody ? "disconnectMidBody" : "delay=" + delay)
                + (retryAfterSeconds != null ? ", retryAfter=" + retryAfterSeconds + "s" : "")
                + ", times=" + times + "}";
    }
}
