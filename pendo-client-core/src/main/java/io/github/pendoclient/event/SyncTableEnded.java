package io.github.pendoclient.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The sync engine finished one table of a run.
 *
 * @param table the table's name
 * @param rows rows written in this run
 * @param elapsed time the table took
 * @param dataThrough the newest time the table's data is complete through, when the table has one
 * @param succeeded whether the table ended without an error
 */
public record SyncTableEnded(
        String table, long rows, Duration elapsed, Optional<Instant> dataThrough, boolean succeeded) {

    /**
     * Checks the components.
     *
     * @param table the table's name
     * @param rows rows written in this run
     * @param elapsed time the table took
     * @param dataThrough the newest time the table's data is complete through, when the table has one
     * @param succeeded whether the table ended without an error
     * @throws NullPointerException if a component is null
     */
    public SyncTableEnded {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(dataThrough, "dataThrough");
    }
}
