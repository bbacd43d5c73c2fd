package io.github.pendoclient.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Pendo kept answering HTTP 429 Too Many Requests through every retry. Lower the request rate (the client-side rate
 * limit), or retry later; {@link #retryAfter()} has the server's last hint.
 */
public class RateLimitedException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public RateLimitedException(String message, ApiError error) {
        super(message, error);
    }

    /**
     * The last {@code Retry-After} the server sent, if any.
     *
     * @return how long the server asked to wait
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(error().retryAfter());
    }
}
