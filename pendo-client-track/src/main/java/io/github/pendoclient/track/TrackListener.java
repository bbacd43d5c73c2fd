package io.github.pendoclient.track;

import io.github.pendoclient.error.PendoException;

/**
 * Hears what became of each event given to a {@link TrackSender}: exactly one callback per event. Callbacks run one
 * at a time on the sender's daemon thread {@code pendo-track-listener}, not on a sending thread, so a slow listener
 * delays other callbacks but not sending. {@link TrackSender#close()} runs callbacks the listener thread has not
 * reached by its deadline on the closing thread, and events tracked after close are reported on the caller's thread.
 * An exception thrown by a callback is logged and ignored.
 */
public interface TrackListener {

    /** A listener that does nothing. */
    TrackListener NONE = new TrackListener() { };

    /**
     * Pendo accepted the event.
     *
     * @param event the event
     */
    default void onDelivered(TrackEvent event) {
    }

    /**
     * The event was not delivered: a permanent failure (400, 401, 403), a transient one that outlasted the retries,
     * or the sender closed before it could be sent.
     *
     * @param event the event
     * @param failure why
     */
    default void onFailed(TrackEvent event, PendoException failure) {
    }

    /**
     * The event was dropped before sending: the queue was full, or the sender was closed.
     *
     * @param event the event
     * @param reason why
     */
    default void onDropped(TrackEvent event, DropReason reason) {
    }

    /** Why an event was dropped. */
    enum DropReason {
        /** The queue was full and the overflow policy dropped this new event. */
        QUEUE_FULL,
        /** The queue was full and the overflow policy dropped this oldest event to make room. */
        OLDEST_EVICTED,
        /** The event was tracked after {@link TrackSender#close()}. */
        SENDER_CLOSED
    }
}
