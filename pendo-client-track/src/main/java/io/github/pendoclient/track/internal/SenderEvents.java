package io.github.pendoclient.track.internal;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.TrackSenderEvent;
import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackSenderClosedException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the client's {@link PendoEventListener} what became of a sender's events, one {@link TrackSenderEvent} per
 * event, with low-cardinality reasons. A listener that throws is logged and ignored.
 */
public final class SenderEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PendoEventListener.class);

    private final PendoEventListener listener;

    /**
     * Reports to a listener.
     *
     * @param listener the client's listener
     */
    public SenderEvents(PendoEventListener listener) {
        this.listener = listener;
    }

    /** An event entered the queue. */
    public void queued() {
        report(TrackSenderEvent.Kind.QUEUED, "none");
    }

    /** Pendo accepted an event. */
    public void delivered() {
        report(TrackSenderEvent.Kind.DELIVERED, "none");
    }

    /**
     * An event was refused before it was queued, or discarded from the queue.
     *
     * @param reason the sender's drop reason, for example {@code QUEUE_FULL}; reported in lower case
     */
    public void dropped(Enum<?> reason) {
        report(TrackSenderEvent.Kind.DROPPED, reason.name().toLowerCase(Locale.ROOT));
    }

    /**
     * An event left the queue without being delivered.
     *
     * @param failure what it failed with, or null when it was written to the spool
     */
    public void failed(Throwable failure) {
        report(TrackSenderEvent.Kind.FAILED, reason(failure));
    }

    /** The low-cardinality reason of a failure: what kind of end, never its message. */
    static String reason(Throwable failure) {
        if (failure == null) {
            return "spooled";
        }
        if (failure instanceof OutcomeUnknownException) {
            return "outcome_unknown";
        }
        if (failure instanceof TrackSenderClosedException) {
            return "closed";
        }
        if (failure instanceof InvalidTrackEventException) {
            return "invalid";
        }
        if (failure instanceof PendoApiException api
                && api.statusCode() >= 400
                && api.statusCode() < 500
                && !(api instanceof RateLimitedException)
                && api.statusCode() != 408) {
            return "rejected";
        }
        return "retries_exhausted";
    }

    private void report(TrackSenderEvent.Kind kind, String reason) {
        if (listener == PendoEventListener.NONE) {
            return;
        }
        try {
            listener.trackSender(new TrackSenderEvent(kind, 1, reason));
        } catch (RuntimeException e) {
            LOG.warn(
                    "The event listener {} threw {} on trackSender; ignored",
                    listener.getClass().getName(),
                    e.getClass().getName());
        }
    }
}
