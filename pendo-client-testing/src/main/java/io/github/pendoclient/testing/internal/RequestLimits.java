package io.github.pendoclient.testing.internal;

import java.time.Duration;

/**
 * The bounds the fake puts on a request before MockWebServer reads it, so that every request is answered, or
 * refused with a 4xx and its connection closed, in bounded time and memory. Each bound is far above what Pendo's
 * clients send.
 *
 * @param readTimeout how long a request may send nothing once it has begun (its head or body) before it gets 408
 */
public record RequestLimits(Duration readTimeout) {

    /** The default {@link #readTimeout()}: 1 s without a byte in the middle of a request. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(1);
    /** The longest request line, in bytes; a longer one gets 414. */
    public static final int MAX_REQUEST_LINE = 16 * 1024;
    /** The most bytes of header lines (and trailer lines) in one request; more gets 431. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The most header lines (and trailer lines) in one request; more gets 431. */
    public static final int MAX_HEADERS = 1_000;
    /** The largest request body, declared by {@code Content-Length} or sent in chunks; larger gets 413. */
    public static final long MAX_BODY_BYTES = 8L << 20;
    /** The longest chunk-size line of a chunked body; longer gets 400. */
    public static final int MAX_CHUNK_LINE = 1024;

    /**
     * Checks the timeout.
     *
     * @param readTimeout how long a request may send nothing once it has begun
     * @throws IllegalArgumentException if it is not between 1 ms and 1 hour
     */
    public RequestLimits {
        if (readTimeout.compareTo(Duration.ofMillis(1)) < 0 || readTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "The request read timeout must be between 1 ms and 1 hour, not " + readTimeout);
        }
    }

    /**
     * The default limits.
     *
     * @return limits with {@link #DEFAULT_READ_TIMEOUT}
     */
    public static RequestLimits defaults() {
        return new RequestLimits(DEFAULT_READ_TIMEOUT);
    }
}
