package io.github.pendoclient.event;

/**
 * Receives the events of the SDK's work, in the style of OkHttp's {@code EventListener}: every method has an empty
 * default, so an implementation overrides only what it needs.
 *
 * <p>Methods are called on the threads doing the work (callers', OkHttp's, the sender's), so an implementation must
 * be thread-safe and fast. An exception thrown by a listener is logged and otherwise ignored: it never fails a call.
 *
 * <p>Set one with {@code PendoClient.builder().eventListener(...)} (the same setting exists on every client
 * builder); the {@code pendo-client-micrometer} module provides one that records Micrometer meters.
 */
public interface PendoEventListener {

    /** A listener that ignores every event; the default. */
    PendoEventListener NONE = new PendoEventListener() {};

    /**
     * A call started, before its first attempt and before any rate-limit wait.
     *
     * @param endpoint the endpoint template
     */
    default void callStarted(Endpoint endpoint) {}

    /**
     * An attempt waited for the client-side rate limit.
     *
     * @param event the wait
     */
    default void rateLimitWaited(RateLimitWaited event) {}

    /**
     * An attempt ended.
     *
     * @param event the attempt
     */
    default void attemptEnded(AttemptEnded event) {}

    /**
     * A failed attempt will be sent again.
     *
     * @param event the retry
     */
    default void retryScheduled(RetryScheduled event) {}

    /**
     * A call ended, successfully or not.
     *
     * @param event the call
     */
    default void callEnded(CallEnded event) {}

    /**
     * Track events entered or left a sender's queue.
     *
     * @param event what happened
     */
    default void trackSender(TrackSenderEvent event) {}

    /**
     * An aggregation's result was read.
     *
     * @param event the aggregation
     */
    default void aggregationEnded(AggregationEnded event) {}

    /**
     * The sync engine started a table.
     *
     * @param table the table's name
     */
    default void syncTableStarted(String table) {}

    /**
     * The sync engine finished a table.
     *
     * @param event the table
     */
    default void syncTableEnded(SyncTableEnded event) {}
}
