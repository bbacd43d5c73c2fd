package io.github.pendoclient.sync;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.paging.KeysetPager;
import io.github.pendoclient.aggregation.paging.KeysetPaging;
import io.github.pendoclient.aggregation.paging.PagingProgress;
import io.github.pendoclient.aggregation.paging.TimeWindow;
import io.github.pendoclient.aggregation.paging.TimeWindows;
import io.github.pendoclient.aggregation.paging.WindowedPager;
import io.github.pendoclient.sync.internal.CheckpointKinds;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run of one table from a checkpoint, pulled a row at a time. {@link SyncEngine} reads every paged table
 * through it into a sink, and the Kafka Connect source task reads it into records, so the keyset and time-window
 * loops exist once. Each row comes with the checkpoint that holds once it and every row before it are delivered,
 * so a stored checkpoint never runs ahead of the data:
 * <ul>
 *   <li>full refresh: the whole table, each row without a checkpoint (a refresh under way has none) and the last
 *       with {@link Checkpoint.Refreshed};</li>
 *   <li>keyset: each row with its own {@link Checkpoint.KeysetPosition}, so a resumed task starts right after
 *       the last delivered row;</li>
 *   <li>time windows: each row with the windows covered before its own, and the last row of a window with that
 *       window added, so a resumed task reads the unfinished window again (same keys) and never skips one.</li>
 * </ul>
 */
public abstract class TableReader implements AutoCloseable {

    /**
     * A row and where the table stands once it is delivered.
     *
     * @param row the row as the API returned it
     * @param checkpoint the checkpoint that holds once this row and those before it are delivered; empty for rows
     *                   of a full refresh before its last
     * @param exact whether the checkpoint covers exactly the rows delivered so far: true for every keyset row, the
     *              last row of a window and the last row of a refresh; false for rows inside a window, whose
     *              checkpoint leaves their window to be read again (a sink that must not hold a row twice
     *              commits only at exact rows)
     * @param window the event window the row belongs to, or null for tables that are not windowed
     */
    public record Item(Map<String, Object> row, Optional<Checkpoint> checkpoint, boolean exact, TimeWindow window) {

        /**
         * Checks the parts.
         *
         * @param row the row
         * @param checkpoint the checkpoint, or empty
         * @param exact whether the checkpoint is exact
         * @param window the window, or null
         */
        public Item {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(checkpoint, "checkpoint");
        }
    }

    /**
     * The next row of this cycle.
     *
     * @return the row, or empty when the cycle is done
     */
    public abstract Optional<Item> next();

    /**
     * Where the table stands after the rows returned so far, including finished windows that had no rows.
     *
     * @return the checkpoint, or empty when none is reached yet
     */
    public abstract Optional<Checkpoint> checkpoint();

    /**
     * Windows done and in all so far; zero and zero for tables that are not windowed.
     *
     * @return the progress
     */
    public PagingProgress progress() {
        return new PagingProgress(0, 0, 0, 0);
    }

    @Override
    public abstract void close();

    /**
     * A reader for one cycle of a table.
     *
     * @param table the table declaration
     * @param resume the checkpoint to resume from, or empty to start
     * @param client the client
     * @param settings start, period, window, lag, apps and clock
     * @return the reader
     * @throws IllegalArgumentException for a table this reader does not read (visitor history), or a checkpoint
     *                                  of another kind than the table keeps
     */
    public static TableReader open(Table table, Optional<Checkpoint> resume, PendoClient client, SyncOptions settings) {
        TableSource source = table.source();
        if (source instanceof TableSource.FullRefresh full) {
            return new Refresh(full, client, settings);
        }
        if (source instanceof TableSource.KeysetPaged keyset) {
            return new Keyset(
                    keyset, resume.map(c -> kind(c, Checkpoint.KeysetPosition.class, table)), client, settings);
        }
        if (source instanceof TableSource.TimeWindowed windowed) {
            return new Windows(
                    windowed, resume.map(c -> kind(c, Checkpoint.CoveredWindows.class, table)), client, settings);
        }
        throw new IllegalArgumentException(
                "A table reader does not read " + table.name() + " (" + table.cursorKind() + ")");
    }

    private static <C extends Checkpoint> C kind(Checkpoint checkpoint, Class<C> type, Table table) {
        CheckpointKinds.requireFits(
                checkpoint.kind(),
                table.cursorKind(),
                table.name(),
                "The resume argument",
                IllegalArgumentException::new);
        return type.cast(checkpoint);
    }

    private static final class Refresh extends TableReader {
        private final Instant startedAt;
        private final Iterator<Map<String, Object>> rows;
        private Checkpoint done;

        Refresh(TableSource.FullRefresh source, PendoClient client, SyncOptions settings) {
            this.startedAt = settings.clock().instant();
            this.rows = source.call().rows(client, settings).iterator();
        }

        @Override
        public Optional<Item> next() {
            if (!rows.hasNext()) {
                if (done == null) {
                    done = new Checkpoint.Refreshed(startedAt);
                }
                return Optional.empty();
            }
            Map<String, Object> row = rows.next();
            if (rows.hasNext()) {
                return Optional.of(new Item(row, Optional.empty(), false, null));
            }
            done = new Checkpoint.Refreshed(startedAt);
            return Optional.of(new Item(row, Optional.of(done), true, null));
        }

        @Override
        public Optional<Checkpoint> checkpoint() {
            return Optional.ofNullable(done);
        }

        @Override
        public void close() {}
    }

    private static final class Keyset extends TableReader {
        private final KeysetPager<Map<String, Object>> pager;
        private final Stream<Map<String, Object>> stream;
        private final Iterator<Map<String, Object>> rows;
        private Checkpoint position;

        Keyset(
                TableSource.KeysetPaged source,
                Optional<Checkpoint.KeysetPosition> resume,
                PendoClient client,
                SyncOptions settings) {
            this.position = resume.orElse(null);
            this.pager = KeysetPaging.of(source.keyset())
                    .withPageSize(settings.pageSize().orElse(source.pageSize()))
                    .withResumeAfter(
                            resume.map(Checkpoint.KeysetPosition::toPaging).orElse(null))
                    .pager(AggregationClient.create(client), source.query().apply(settings));
            this.stream = pager.stream();
            this.rows = stream.iterator();
        }

        @Override
        public Optional<Item> next() {
            if (!rows.hasNext()) {
                return Optional.empty();
            }
            Map<String, Object> row = rows.next();
            position = new Checkpoint.KeysetPosition(
                    pager.checkpoint().orElseThrow().key());
            return Optional.of(new Item(row, Optional.of(position), true, null));
        }

        @Override
        public Optional<Checkpoint> checkpoint() {
            return Optional.ofNullable(position);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private static final class Windows extends TableReader {
        private final WindowedPager<Map<String, Object>> pager;
        private final Stream<Map<String, Object>> stream;
        private final Iterator<Map<String, Object>> rows;
        private Map<String, Object> held;
        private TimeWindow heldWindow;

        Windows(
                TableSource.TimeWindowed source,
                Optional<Checkpoint.CoveredWindows> resume,
                PendoClient client,
                SyncOptions settings) {
            TimeWindows windows = (settings.hourly()
                            ? TimeWindows.hours(settings.start())
                            : TimeWindows.days(settings.start()))
                    .withSize(settings.windowSize())
                    .withLag(settings.lag())
                    .withClock(settings.clock())
                    .withOrder(settings.recentFirst() ? TimeWindows.Order.NEWEST_FIRST : TimeWindows.Order.OLDEST_FIRST)
                    .withResumeFrom(
                            resume.orElse(Checkpoint.CoveredWindows.none()).windows());
            this.pager = windows.pager(
                    AggregationClient.create(client), source.query().apply(settings.apps()));
            this.stream = pager.stream();
            this.rows = stream.iterator();
        }

        @Override
        public Optional<Item> next() {
            if (held == null) {
                if (!rows.hasNext()) {
                    return Optional.empty();
                }
                heldWindow = pager.currentWindow().orElseThrow();
                held = rows.next();
            }
            // Look one row ahead: the held row is its window's last when the pager moves past that window.
            Map<String, Object> row = held;
            TimeWindow window = heldWindow;
            boolean more = rows.hasNext();
            Checkpoint.CoveredWindows covered = new Checkpoint.CoveredWindows(pager.checkpoint());
            boolean lastOfWindow = true;
            if (more) {
                heldWindow = pager.currentWindow().orElseThrow();
                held = rows.next();
                lastOfWindow = !heldWindow.equals(window);
            } else {
                held = null;
            }
            return Optional.of(new Item(row, Optional.of(covered), lastOfWindow, window));
        }

        @Override
        public Optional<Checkpoint> checkpoint() {
            return Optional.of(new Checkpoint.CoveredWindows(pager.checkpoint()));
        }

        @Override
        public PagingProgress progress() {
            return pager.progress();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
