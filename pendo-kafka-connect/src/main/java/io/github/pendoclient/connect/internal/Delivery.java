package io.github.pendoclient.connect.internal;

import java.time.Duration;

/**
 * Sends mapped records to Pendo in the background, batched per Pendo's request limits and through the SDK's rate
 * limit and retries, and reports each record's outcome to {@link Outcomes}. {@link #submit} never waits on Pendo.
 *
 * @param <T> what a record becomes: a track event or a metadata row
 */
public interface Delivery<T> {

    /**
     * Hands over one mapped record.
     *
     * @param pending the record
     * @param payload what to send
     */
    void submit(Pending pending, T payload);

    /**
     * Stops sending: waits are ended, calls in flight cancelled; records not yet accepted stay unsettled.
     *
     * @param timeout the longest time to wait for the delivery's threads
     */
    void close(Duration timeout);
}
