package io.github.pendoclient.event;

/** Why the HTTP stack sends an attempt again. */
public enum RetryReason {
    /** Pendo answered 429 Too Many Requests. */
    RATE_LIMITED,
    /** Pendo answered with a retryable 5xx status (500, 502, 503, 504). */
    SERVER_ERROR,
    /** The connection failed or was refused before a response arrived. */
    NETWORK,
    /** The attempt timed out. */
    TIMEOUT
}
