package io.github.pendoclient.track;

/**
 * How often an event may reach Pendo when an answer is lost after Pendo received the request (a reset connection, a
 * 5xx from a proxy). Pendo's track endpoint has no idempotency key, so the client must choose.
 */
public enum Delivery {
    /**
     * The default: such an event is sent again, so it is never lost to a transient failure but may, rarely, be
     * counted twice. A lost event is usually worse than a rare duplicate. A {@link TrackSender} reports such an
     * event, once delivered, with {@link TrackListener#onDeliveredPossiblyTwice}.
     */
    AT_LEAST_ONCE,
    /**
     * Such an event is not sent again; it fails with {@link io.github.pendoclient.error.OutcomeUnknownException}
     * (and {@link TrackListener#onFailed} for a {@link TrackSender}). Events are still retried when Pendo certainly
     * did not process them: a refused connection or a 429 (a 503, even with {@code Retry-After}, proves nothing).
     */
    AT_MOST_ONCE
}
