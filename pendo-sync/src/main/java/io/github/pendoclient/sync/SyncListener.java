package io.github.pendoclient.sync;

/**
 * Hears how a sync goes, for progress displays. Called on the syncing thread; keep the work short. Every method
 * does nothing by default.
 */
public interface SyncListener {

    /** A listener that does nothing. */
    SyncListener NONE = new SyncListener() {};

    /**
     * A table starts.
     *
     * @param table the table
     */
    default void tableStarted(Table table) {}

    /**
     * A table made progress: called at each checkpoint, and at least every few thousand rows.
     *
     * @param table the table
     * @param rows rows written so far in this run
     * @param requests HTTP attempts so far for this table
     */
    default void progress(Table table, long rows, long requests) {}

    /**
     * A table whose work is counted up front moved on: the time windows of an event table, the visitors of
     * {@code visitor_history}. Called before the first unit and after each.
     *
     * @param table the table
     * @param done units finished
     * @param total units in this run
     */
    default void workDone(Table table, long done, long total) {}

    /**
     * A table finished, synced or failed.
     *
     * @param result how it went
     */
    default void tableFinished(TableResult result) {}
}
