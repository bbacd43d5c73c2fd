package io.github.pendoclient.track;

/**
 * A consistent snapshot of a {@link TrackSender}'s counters. At every snapshot
 * {@code enqueued == delivered + failed + dropped + queueDepth + inFlight}.
 *
 * @param enqueued events given to {@link TrackSender#track(TrackEvent)} and accepted or dropped by it (events refused
 *     with an exception are not counted)
 * @param delivered events Pendo accepted
 * @param retried attempts the sender scheduled again after a transient failure
 * @param failed events that failed for good
 * @param dropped events dropped by the overflow policy or after close
 * @param queueDepth events waiting in the queue
 * @param inFlight events being sent now
 */
public record TrackSenderStats(long enqueued, long delivered, long retried, long failed, long dropped,
                               long queueDepth, long inFlight) {

    /**
     * Events not yet delivered, failed or dropped.
     *
     * @return queued plus in flight
     */
    public long pending() {
        return queueDepth + inFlight;
    }
}
