package io.github.pendoclient.track;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.track.internal.SenderCore;
import java.util.concurrent.CompletableFuture;

/**
 * Sends track events in the background through a bounded queue, and never loses one silently: each event ends
 * delivered, failed, dropped or spooled, and each end reaches the {@link TrackListener} and the counters
 * ({@link #stats()}).
 *
 * <ul>
 *   <li>{@link #track(TrackEvent)} validates the event and queues it; it blocks only under
 *       {@link OverflowPolicy#BLOCK}, and then at most for the block timeout.</li>
 *   <li>At most {@code concurrency} events are being sent at once, each as one non-blocking attempt. An event that
 *       failed transiently waits on the client's timer (backoff, or the server's {@code Retry-After}) without
 *       holding a thread or a sending slot, while others are sent; a 429 with {@code Retry-After} pauses the
 *       endpoint for every event. 400, 401 and 403 fail at once; other failures after
 *       {@link TrackSenderOptions.Builder#maxAttempts(int)} attempts.</li>
 *   <li>{@link #flush()} completes once every event queued before the call has ended.</li>
 *   <li>{@link #close()} stops intake and has one deadline, the close timeout, for sending what is left and for
 *       running every listener callback. While closing, events waiting to be retried are sent again as soon as the
 *       rate limit and any {@code Retry-After} allow, without their backoff. What is not delivered by the deadline
 *       fails through the listener.</li>
 * </ul>
 *
 * <p>Delivery is at least once by default (see {@link Delivery}): an event whose answer was lost is sent again, so
 * Pendo may rarely count it twice; such an event is reported with {@link TrackListener#onDeliveredPossiblyTwice} and
 * counted in {@link TrackSenderStats#possibleDuplicates()}. A client built with {@link Delivery#AT_MOST_ONCE} fails
 * such an event instead. An event that fails after an attempt that may have reached Pendo (an answer lost, a 5xx or
 * 408, a request in flight at the close deadline) fails with {@link OutcomeUnknownException}: it may have been
 * delivered, and sending it again may count it twice.
 *
 * <p>With {@link TrackSenderOptions.Builder#spoolDirectory(java.nio.file.Path)}, events not delivered by the close
 * deadline are written to disk instead of failing, and the next sender on the directory sends them first. All waits
 * use the client's {@link io.github.pendoclient.http.TimeSource}. Thread-safe.
 */
public final class TrackSender implements AutoCloseable {

    /** What {@link #track(TrackEvent)} does when the queue is full. */
    public enum OverflowPolicy {
        /** Wait up to the block timeout for room, then drop the new event ({@link TrackListener.DropReason#QUEUE_FULL}). */
        BLOCK,
        /** Drop the new event at once. */
        DROP_NEWEST,
        /** Drop the oldest queued event to make room ({@link TrackListener.DropReason#OLDEST_EVICTED}). */
        DROP_OLDEST,
        /** Refuse the new event with {@link TrackQueueFullException}; it is the caller's to keep. */
        THROW
    }

    private final TrackSenderOptions options;
    private final SenderCore core;

    TrackSender(TrackClient client, TrackSenderOptions options) {
        this.options = options;
        this.core = new SenderCore(
                new SenderCore.Client() {
                    @Override
                    public void validate(TrackEvent event) {
                        client.validate(event);
                    }

                    @Override
                    public io.github.pendoclient.internal.http.StepwiseCall prepare(byte[] json) {
                        return client.http().stepwise(client.call(json), options.maxAttempts());
                    }

                    @Override
                    public TrackEvent parse(String json) {
                        return TrackEvent.fromJson(json);
                    }
                },
                options,
                client.timeSource(),
                client.http().options().eventListener());
    }

    /**
     * Queues an event for sending.
     *
     * @param event the event
     * @return true if queued; false if dropped (the listener hears why)
     * @throws InvalidTrackEventException if the event breaks a rule; nothing is queued
     * @throws TrackQueueFullException if the queue is full and the policy is {@link OverflowPolicy#THROW}
     */
    public boolean track(TrackEvent event) {
        return core.track(event);
    }

    /**
     * Waits for every event queued before this call to end (delivered, failed or dropped).
     *
     * @return a future that completes then; it never completes exceptionally
     */
    public CompletableFuture<Void> flush() {
        return core.flush();
    }

    /**
     * A consistent snapshot of the counters.
     *
     * @return the counters
     */
    public TrackSenderStats stats() {
        return core.stats();
    }

    /**
     * Stops intake, then within one deadline, the close timeout, sends what is left and runs every listener
     * callback. Events waiting to be retried are sent at once, held back only by the rate limit and a server's
     * {@code Retry-After}. At the deadline, calls in flight are cancelled, and events not yet delivered fail through
     * the listener ({@link OutcomeUnknownException} when they may have reached Pendo, else
     * {@link TrackSenderClosedException}) or, with a spool directory, are written to it and synced before this
     * returns. Callbacks the listener thread has not reached run on the calling thread, so when this returns the
     * listener has heard of every event (except for a callback stuck in the listener itself). Events tracked after
     * close are dropped, and the listener hears of them on the caller's thread. Idempotent.
     */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "TrackSender{" + stats() + ", overflow=" + options.overflow() + ", concurrency=" + options.concurrency()
                + "}";
    }
}
