package io.github.pendoclient.sync.push;

/**
 * Hears how a push goes, for progress displays and dry-run listings. Called on the pushing thread; keep the work
 * short. Every method does nothing by default.
 */
public interface PushListener {

    /** A listener that does nothing. */
    PushListener NONE = new PushListener() {};

    /**
     * The push starts, after every check and before the first request.
     *
     * @param source the source's description
     * @param kind what is pushed
     */
    default void started(String source, PushKind kind) {}

    /**
     * The push made progress: called after each batch is sent and checkpointed, and at least every few thousand
     * rows read.
     *
     * @param soFar the counters so far
     */
    default void progress(PushResult soFar) {}

    /**
     * A request that is sent, or in a dry run would be, with ids and values redacted:
     * {@code POST /api/v1/metadata/visitor/custom/value (500 rows; fields plan, mrr, seats)}.
     *
     * @param description the request, redacted
     */
    default void request(String description) {}

    /**
     * A row was not applied; it also went to the {@link RejectSink}.
     *
     * @param reject the row and why
     */
    default void rejected(PushReject reject) {}

    /**
     * The push finished.
     *
     * @param result the final counters
     */
    default void finished(PushResult result) {}
}
