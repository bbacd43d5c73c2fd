package io.github.pendoclient.event;

import java.util.Objects;

/**
 * Track events entered or left a {@code TrackSender}'s queue.
 *
 * @param kind what happened
 * @param count how many events it concerns, at least 1
 * @param reason a low-cardinality reason for {@link Kind#DROPPED} and {@link Kind#FAILED} (for example
 *     {@code "queue_full"}, {@code "rejected"}, {@code "outcome_unknown"}, {@code "closed"}); {@code "none"}
 *     otherwise
 */
public record TrackSenderEvent(Kind kind, int count, String reason) {

    /** What happened to the events. */
    public enum Kind {
        /** Accepted into the queue. */
        QUEUED,
        /** Pendo accepted them. */
        DELIVERED,
        /** Refused before they were queued, or discarded from the queue. */
        DROPPED,
        /** They left the queue without being delivered. */
        FAILED
    }

    /**
     * Checks the components.
     *
     * @param kind what happened
     * @param count how many events it concerns, at least 1
     * @param reason a low-cardinality reason, {@code "none"} when there is none
     * @throws NullPointerException if a component is null
     */
    public TrackSenderEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
