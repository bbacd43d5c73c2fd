package io.github.pendoclient.sync;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.SyncTableEnded;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports a table's start and end to a {@link PendoEventListener}; a listener that throws never fails a table. */
final class SyncEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEvents.class);

    private SyncEvents() {}

    static void started(PendoEventListener events, String table) {
        try {
            events.syncTableStarted(table);
        } catch (RuntimeException e) {
            LOG.warn("The event listener {} failed on syncTableStarted; the sync is not affected", events, e);
        }
    }

    static void ended(PendoEventListener events, TableResult result, TableState saved) {
        try {
            events.syncTableEnded(new SyncTableEnded(
                    result.table(), result.rows(), result.elapsed(), dataThrough(saved), result.ok()));
        } catch (RuntimeException e) {
            LOG.warn("The event listener {} failed on syncTableEnded; the sync is not affected", events, e);
        }
    }

    /** Where the table's stored data is complete through: an event table's covered windows, a refresh's time. */
    static Optional<Instant> dataThrough(TableState saved) {
        Optional<Checkpoint> checkpoint = saved.checkpoint();
        if (checkpoint.isEmpty()) {
            return Optional.empty();
        }
        if (checkpoint.get() instanceof Checkpoint.CoveredWindows covered) {
            return covered.windows().coveredUntil();
        }
        if (checkpoint.get() instanceof Checkpoint.Refreshed refreshed) {
            return Optional.of(refreshed.syncedAt());
        }
        return Optional.empty();
    }
}
