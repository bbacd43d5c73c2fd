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
    TrackListener NONE = new TrackListener() {};

    /**
     * Pendo accepted the event.
     *
     * @param event the event
     */
    default void onDelivered(TrackEvent event) {}

    /**
     * Pendo accepted the event, and an earlier attempt of it may have reached Pendo too (its answer was lost, or was
     * a 5xx or 408, which do not prove Pendo did not record it; or an earlier sender's attempt, for an event read
     * from the spool), so Pendo may count it twice. Counted in {@link TrackSenderStats#possibleDuplicates()}. The
     * default calls {@link #onDelivered(TrackEvent)}.
     *
     * @param event the event
     */
    default void onDeliveredPossiblyTwice(TrackEvent event) {
        onDelivered(event);
    }

    /**
     * The event was not delivered: a permanent failure (400, 401, 403), a transient one that outlasted the retries,
     * or the sender closed before it could be delivered. The type of {@code failure} says whether Pendo may have it:
     * <ul>
     *   <li>{@link io.github.pendoclient.error.OutcomeUnknownException}: some attempt may have reached Pendo (an
     *       answer lost, a 5xx or 408, a request in flight at the close deadline). It may have been delivered, and
     *       sending it again may count it twice. Its cause is the last failure.</li>
     *   <li>{@link TrackSenderClosedException}: the sender closed first, and Pendo has not processed the event;
     *       sending it again is safe.</li>
     *   <li>any other {@link PendoException}: Pendo did not process the event (it refused it, or every attempt was
     *       refused before processing); fix the cause before sending it again.</li>
     * </ul>
     *
     * @param event the event
     * @param failure why
     */
    default void onFailed(TrackEvent event, PendoException failure) {}

    /**
     * The event was not delivered by the close deadline and was written to the sender's spool directory
     * ({@link TrackSenderOptions.Builder#spoolDirectory(java.nio.file.Path)}); a sender built later on the same
     * directory sends it first. Counted in {@link TrackSenderStats#spooled()}.
     *
     * @param event the event
     */
    default void onSpooled(TrackEvent event) {}

    /**
     * The event was dropped before sending: the queue was full, or the sender was closed.
     *
     * @param event the event
     * @param reason why
     */
    default void onDropped(TrackEvent event, DropReason reason) {}

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
