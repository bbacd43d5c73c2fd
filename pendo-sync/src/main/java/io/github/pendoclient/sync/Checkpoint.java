package io.github.pendoclient.sync;

import io.github.pendoclient.aggregation.paging.KeysetCheckpoint;
import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a table's last run ended, one record per {@link CursorKind}. Stored in the {@link SyncState} file as JSON.
 */
public sealed interface Checkpoint {

    /**
     * The kind of cursor this checkpoint is.
     *
     * @return the kind
     */
    default CursorKind kind() {
        return CursorKind.of(this);
    }

    /**
     * A keyset table's position: the sort key of the last row written. The next run resumes after it.
     *
     * @param key the values of the keyset's fields in the last row, in keyset order
     */
    record KeysetPosition(List<Object> key) implements Checkpoint {

        /**
         * Checks and copies the key.
         *
         * @param key the key values, in keyset order
         */
        public KeysetPosition {
            key = new KeysetCheckpoint(key).key();
        }

        /**
         * The aggregation paging checkpoint for this position.
         *
         * @return the checkpoint to resume after
         */
        public KeysetCheckpoint toPaging() {
            return new KeysetCheckpoint(key);
        }
    }

    /**
     * An event table's covered time ranges. The next run fetches only the windows outside them.
     *
     * @param windows the covered ranges
     */
    record CoveredWindows(WindowCheckpoint windows) implements Checkpoint {

        /**
         * Checks the parts.
         *
         * @param windows the covered ranges
         */
        public CoveredWindows {
            Objects.requireNonNull(windows, "windows");
        }

        /**
         * Nothing covered yet.
         *
         * @return an empty checkpoint
         */
        public static CoveredWindows none() {
            return new CoveredWindows(WindowCheckpoint.empty());
        }
    }

    /**
     * Visitor history: per visitor id, the start of the day up to which its history is synced.
     *
     * @param syncedUntil visitor id to the (exclusive) end of what is synced
     */
    record VisitorDays(Map<String, Instant> syncedUntil) implements Checkpoint {

        /**
         * Copies the map, keeping its order.
         *
         * @param syncedUntil visitor id to the end of what is synced
         */
        public VisitorDays {
            syncedUntil = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(syncedUntil));
        }

        /**
         * Where a visitor's history is synced up to.
         *
         * @param visitorId the visitor
         * @return the end of the synced days, or empty when none is synced
         */
        public Optional<Instant> until(String visitorId) {
            return Optional.ofNullable(syncedUntil.get(visitorId));
        }

        /**
         * This checkpoint with one visitor moved on.
         *
         * @param visitorId the visitor
         * @param until the new end of its synced days
         * @return a new checkpoint
         */
        public VisitorDays with(String visitorId, Instant until) {
            Map<String, Instant> next = new LinkedHashMap<>(syncedUntil);
            next.put(visitorId, until);
            return new VisitorDays(next);
        }
    }

    /**
     * A full-refresh table: when it was last replaced.
     *
     * @param syncedAt the instant of the last full refresh
     */
    record Refreshed(Instant syncedAt) implements Checkpoint {

        /**
         * Checks the parts.
         *
         * @param syncedAt the instant of the last full refresh
         */
        public Refreshed {
            Objects.requireNonNull(syncedAt, "syncedAt");
        }
    }
}
