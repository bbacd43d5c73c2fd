package io.github.pendoclient.sync;

/**
 * How a table remembers where its last run ended: the kind of {@link Checkpoint} it keeps. Each kind pairs one
 * {@link TableSource} type with one {@code Checkpoint} type; {@link TableSource#cursorKind()} and
 * {@link Checkpoint#kind()} are read from this pairing, so the two hierarchies cannot drift apart.
 */
public enum CursorKind {
    /** No cursor: the whole table is fetched and replaced on every run ({@link Checkpoint.Refreshed}). */
    FULL_REFRESH(TableSource.FullRefresh.class, Checkpoint.Refreshed.class),
    /** A keyset position: the sort key of the last row written ({@link Checkpoint.KeysetPosition}). */
    KEYSET(TableSource.KeysetPaged.class, Checkpoint.KeysetPosition.class),
    /** The time windows already covered ({@link Checkpoint.CoveredWindows}). */
    TIME_WINDOWS(TableSource.TimeWindowed.class, Checkpoint.CoveredWindows.class),
    /** Per visitor, the day synced up to ({@link Checkpoint.VisitorDays}). */
    VISITOR_DAYS(TableSource.VisitorHistory.class, Checkpoint.VisitorDays.class);

    private final Class<? extends TableSource> source;
    private final Class<? extends Checkpoint> checkpoint;

    CursorKind(Class<? extends TableSource> source, Class<? extends Checkpoint> checkpoint) {
        this.source = source;
        this.checkpoint = checkpoint;
    }

    static CursorKind of(TableSource source) {
        for (CursorKind kind : values()) {
            if (kind.source.isInstance(source)) {
                return kind;
            }
        }
        throw new IllegalStateException("No cursor kind for " + source.getClass());
    }

    static CursorKind of(Checkpoint checkpoint) {
        for (CursorKind kind : values()) {
            if (kind.checkpoint.isInstance(checkpoint)) {
                return kind;
            }
        }
        throw new IllegalStateException("No cursor kind for " + checkpoint.getClass());
    }
}
