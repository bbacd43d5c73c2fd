package io.github.pendoclient.track;

/**
 * A consistent snapshot of a {@link TrackSender}'s counters. At every snapshot
 * {@code enqueued == delivered + failed + dropped + spooled + queueDepth + inFlight}.
 *
 * @param enqueued events given to {@link TrackSender#track(TrackEvent)} and accepted or dropped by it (events refused
 *     with an exception are not counted), and events read from the spool
 * @param delivered events Pendo accepted
 * @param retried attempts the sender scheduled again after a transient failure
 * @param failed events that failed for good
 * @param dropped events dropped by the overflow policy or after close
 * @param queueDepth events waiting in the queue
 * @param inFlight events being sent now
 * @param spooled events not delivered by the close deadline and written to the spool directory
 * @param possibleDuplicates delivered events an earlier attempt of which may have reached Pendo too, so that Pendo
 *     may count them twice (part of {@code delivered})
 */
public record TrackSenderStats(
        long enqueued,
        long delivered,
        long retried,
        long failed,
        long dropped,
        long queueDepth,
        long inFlight,
        long spooled,
        long possibleDuplicates) {

    /**
     * A snapshot of a sender without a spool and without possible duplicates.
     *
     * @param enqueued events accepted or dropped
     * @param delivered events Pendo accepted
     * @param retried attempts scheduled again
     * @param failed events that failed for good
     * @param dropped events dropped
     * @param queueDepth events waiting
     * @param inFlight events being sent
     */
    public TrackSenderStats(
            long enqueued, long delivered, long retried, long failed, long dropped, long queueDepth, long inFlight) {
        this(enqueued, delivered, retried, failed, dropped, queueDepth, inFlight, 0, 0);
    }

    /**
     * Events not yet delivered, failed, dropped or spooled.
     *
     * @return queued plus in flight
     */
    public long pending() {
        return queueDepth + inFlight;
    }
}
