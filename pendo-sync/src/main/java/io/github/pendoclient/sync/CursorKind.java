package io.github.pendoclient.sync;

/** How a table remembers where its last run ended: the kind of {@link Checkpoint} it keeps. */
public enum CursorKind {
    /** No cursor: the whole table is fetched and replaced on every run ({@link Checkpoint.Refreshed}). */
    FULL_REFRESH,
    /** A keyset position: the sort key of the last row written ({@link Checkpoint.KeysetPosition}). */
    KEYSET,
    /** The time windows already covered ({@link Checkpoint.CoveredWindows}). */
    TIME_WINDOWS,
    /** Per visitor, the day synced up to ({@link Checkpoint.VisitorDays}). */
    VISITOR_DAYS
}
