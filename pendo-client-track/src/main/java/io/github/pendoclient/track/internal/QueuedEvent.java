package io.github.pendoclient.track.internal;

import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.internal.http.StepwiseCall;
import io.github.pendoclient.track.TrackEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One event a sender accepted, from its arrival to its end: validated and encoded once, its call prepared once, and
 * what the sender knows about its attempts.
 */
final class QueuedEvent {
    final TrackEvent event;
    /** The request body, encoded once when the event was tracked (or as read from the spool). */
    final byte[] json;

    final long sequence;
    /** Guarded by the ledger's lock. */
    boolean inFlight;
    /** Guarded by the ledger's lock. */
    boolean settled;

    volatile int attempts;
    /** Some attempt may have reached Pendo: delivering it may count it twice; failing it is outcome unknown. */
    volatile boolean mayHaveReached;
    /** The current wait is the server's {@code Retry-After}, which closing does not cut short. */
    volatile boolean retryAfterWait;

    volatile PendoException lastFailure;
    volatile CompletableFuture<Void> current;
    volatile ScheduledFuture<?> timer;
    /** Where the event came from when it was read from the spool, else null. */
    volatile Spool.Record origin;
    /** The event's call, prepared once when it was queued; null for an event that failed validation. */
    volatile StepwiseCall call;

    QueuedEvent(TrackEvent event, byte[] json, long sequence) {
        this.event = event;
        this.json = json;
        this.sequence = sequence;
    }
}
