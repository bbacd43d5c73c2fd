package io.github.pendoclient.sync;

import com.squareup.moshi.JsonAdapter;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.HttpStats;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.VisitorHistoryItem;
import io.github.pendoclient.sync.internal.CheckpointKinds;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Syncs tables from a {@link PendoClient} into a {@link Sink}, one at a time, checkpointing into a
 * {@link SyncState} so that the next run fetches only what is new and a killed run resumes without gaps or
 * duplicates. The engine does not own the client, the sink or the state: close them yourself.
 *
 * <pre>{@code
 * try (PendoClient client = PendoClient.fromEnvironment(); Sink sink = new JsonLinesSink(Path.of("pendo-data"))) {
 *     SyncEngine engine = SyncEngine.builder().client(client).sink(sink)
 *             .state(SyncState.load(Path.of("pendo-data/.pendo-sync-state.json")))
 *             .settings(SyncOptions.builder().build()).build();
 *     List<TableResult> results = engine.syncAll(engine.registry().names());
 * }
 * }</pre>
 */
public final class SyncEngine {

    private static final int PROGRESS_EVERY = 1_000;
    /**
     * Rows a windowed table writes between checkpoints: a checkpoint falls on the first window end after this many
     * rows (and at the table's end). Each commit costs a storage a transaction (DuckDB, PostgreSQL) and an fsync; a
     * run killed between checkpoints redoes at most this many rows' windows.
     */
    static final int CHECKPOINT_ROWS = 25_000;

    private static final Duration HISTORY_LIMIT = Duration.ofDays(179);

    private final PendoClient client;
    private final Sink sink;
    private final SyncState state;
    private final SyncOptions settings;
    private final TableRegistry registry;
    private final SyncListener listener;
    private final PendoEventListener events;

    private SyncEngine(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.sink = Objects.requireNonNull(builder.sink, "sink");
        this.state = Objects.requireNonNull(builder.state, "state");
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        this.registry = builder.registry;
        this.listener = builder.listener;
        this.events = builder.events;
    }

    /**
     * A builder; the client, sink, state and settings are required.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this engine's client, sink, state, settings, registry and listener, to make a second engine
     * that differs in one of them (the two share what they were not given anew).
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .client(client)
                .sink(sink)
                .state(state)
                .settings(settings)
                .registry(registry)
                .listener(listener)
                .eventListener(events);
    }

    /**
     * The tables this engine knows.
     *
     * @return the registry
     */
    public TableRegistry registry() {
        return registry;
    }

    /**
     * Syncs tables in the order given; a table that fails does not stop the others.
     *
     * @param tables table names from the registry
     * @return one result per table, in order
     * @throws IllegalArgumentException if a name is not in the registry (checked before any table syncs)
     */
    public List<TableResult> syncAll(List<String> tables) {
        List<Table> resolved = tables.stream().map(registry::get).toList();
        List<TableResult> results = new ArrayList<>();
        for (Table table : resolved) {
            results.add(sync(table));
        }
        return results;
    }

    /**
     * Syncs one table. Failures do not throw: they come back as the result's error, one line naming the table, the
     * cause and what to do.
     *
     * @param table a table (from the registry or not)
     * @return how it went
     */
    public TableResult sync(Table table) {
        long started = System.nanoTime();
        HttpStats before = client.stats();
        long[] rows = {0};
        String error = null;
        listener.tableStarted(table);
        SyncEvents.started(events, table.name());
        try {
            run(table, count -> {
                rows[0] = count;
                listener.progress(table, count, client.stats().attempts() - before.attempts());
            });
        } catch (PendoException e) {
            error = explain(table.name(), e);
        } catch (IOException e) {
            error = table.name() + ": cannot write to " + sink.describe() + ": " + firstLine(e.getMessage())
                    + ". Fix the storage (space, permissions, connection) and run again: the table resumes from"
                    + " its last checkpoint.";
        } catch (RuntimeException e) {
            error = table.name() + ": " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                    + ". Run again to resume from the last checkpoint; if it repeats, report it with this line.";
        }
        HttpStats after = client.stats();
        TableResult result = new TableResult(
                table.name(),
                rows[0],
                Duration.ofNanos(System.nanoTime() - started),
                after.attempts() - before.attempts(),
                after.retries() - before.retries(),
                Optional.ofNullable(error));
        listener.tableFinished(result);
        SyncEvents.ended(events, result, state.get(table.name()));
        return result;
    }

    static String explain(String table, PendoException e) {
        if (e instanceof AuthenticationException) {
            return table + ": Pendo rejected the integration key (HTTP 401). Check PENDO_INTEGRATION_KEY, and that"
                    + " PENDO_REGION is your subscription's region: a key works in one region only.";
        }
        if (e instanceof PermissionDeniedException) {
            return table + ": this key may not read it (HTTP 403); aggregations need a key with \"Allow Write"
                    + " Access\". Use such a key, or leave the table out with --tables.";
        }
        if (e instanceof PendoNetworkException && e.getCause() instanceof UnknownHostException) {
            return table + ": cannot resolve Pendo's host. Check PENDO_REGION and the network, then run again.";
        }
        return table + ": " + firstLine(e.getMessage()) + ". Run again to resume from the last checkpoint.";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** Progress in rows written so far. */
    @FunctionalInterface
    private interface RowCount {
        void rows(long count);
    }

    private void run(Table declared, RowCount onRows) throws IOException {
        Table table = MetadataTables.resolve(declared, client, state, settings);
        TableSource source = table.source();
        if (source instanceof TableSource.VisitorHistory) {
            history(table, onRows);
        } else if (source instanceof TableSource.FullRefresh) {
            refresh(table, onRows);
        } else if (source instanceof TableSource.KeysetPaged keyset) {
            pull(table, settings.pageSize().orElse(keyset.pageSize()), onRows);
        } else if (source instanceof TableSource.TimeWindowed) {
            pull(table, CHECKPOINT_ROWS, onRows);
        } else {
            throw new IllegalStateException("Unknown source " + source);
        }
    }

    /** The table's saved checkpoint, checked to be of the kind the table keeps. */
    private Optional<Checkpoint> resume(Table table, TableState saved) {
        saved.checkpoint()
                .ifPresent(checkpoint -> CheckpointKinds.requireFits(
                        checkpoint.kind(),
                        table.cursorKind(),
                        table.name(),
                        "the state file " + state.file(),
                        IllegalStateException::new));
        return saved.checkpoint();
    }

    private TableReader reader(Table table, TableState saved) {
        return TableReader.open(table, resume(table, saved), client, settings);
    }

    private void refresh(Table table, RowCount onRows) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Checkpoint done;
        try (TableReader reader = TableReader.open(table, Optional.empty(), client, settings)) {
            for (Optional<TableReader.Item> item = reader.next(); item.isPresent(); item = reader.next()) {
                rows.add(item.get().row());
            }
            done = reader.checkpoint().orElseThrow();
        }
        sink.replace(table, rows);
        state.put(table.name(), TableState.of(done, OptionalLong.empty()));
        onRows.rows(rows.size());
    }

    /**
     * Writes a keyset or windowed table from its reader, committing the sink and the checkpoint together at the
     * first exact row after every {@code checkpointRows} rows, and at the end. The sink writes on a
     * {@link TableWriter} thread, so that its work overlaps the download of the next rows; the checkpoint is stored
     * once the sink has committed the rows it covers.
     */
    private void pull(Table table, int checkpointRows, RowCount onRows) throws IOException {
        TableState saved = state.get(table.name());
        sink.open(table, saved.sinkPosition());
        long rows = 0;
        long checkpointed = 0;
        int windowsDone = 0;
        try (TableReader reader = reader(table, saved);
                TableWriter writer = TableWriter.start(table, sink, state)) {
            boolean windowed = table.source() instanceof TableSource.TimeWindowed;
            if (windowed) {
                listener.workDone(table, 0, reader.progress().windowsTotal());
            }
            for (Optional<TableReader.Item> next = reader.next(); next.isPresent(); next = reader.next()) {
                TableReader.Item item = next.get();
                writer.write(item.row());
                rows++;
                boolean reported = false;
                if (item.exact() && rows - checkpointed >= checkpointRows) {
                    writer.checkpoint(item.checkpoint().orElseThrow());
                    checkpointed = rows;
                    onRows.rows(rows);
                    reported = true;
                }
                if (windowed && reader.progress().windowsDone() > windowsDone) {
                    windowsDone = reader.progress().windowsDone();
                    if (!reported) {
                        onRows.rows(rows);
                        reported = true;
                    }
                    listener.workDone(table, windowsDone, reader.progress().windowsTotal());
                }
                if (!reported && rows % PROGRESS_EVERY == 0) {
                    onRows.rows(rows);
                }
            }
            writer.finish(reader.checkpoint().orElse(null));
            if (windowed && reader.progress().windowsDone() > windowsDone) {
                listener.workDone(
                        table,
                        reader.progress().windowsDone(),
                        reader.progress().windowsTotal());
            }
        }
        onRows.rows(rows);
    }

    @SuppressWarnings("unchecked")
    private void history(Table table, RowCount onRows) throws IOException {
        TableState saved = state.get(table.name());
        sink.open(table, saved.sinkPosition());
        Checkpoint.VisitorDays days = resume(table, saved)
                .map(Checkpoint.VisitorDays.class::cast)
                .orElseGet(() -> new Checkpoint.VisitorDays(Map.of()));
        JsonAdapter<VisitorHistoryItem> adapter = PendoJson.moshi().adapter(VisitorHistoryItem.class);
        Instant today = settings.clock().instant().truncatedTo(ChronoUnit.DAYS);
        Instant earliest = today.minus(HISTORY_LIMIT);
        long rows = 0;
        int done = 0;
        int total = settings.historyVisitors().size();
        listener.workDone(table, 0, total);
        for (String visitorId : settings.historyVisitors()) {
            done++;
            Instant from = days.until(visitorId).orElse(settings.start().truncatedTo(ChronoUnit.DAYS));
            if (from.isBefore(earliest)) {
                from = earliest;
            }
            if (!from.isBefore(today)) {
                listener.workDone(table, done, total);
                continue;
            }
            try (Stream<VisitorHistoryItem> items = client.visitors().history(visitorId, from, today)) {
                for (Iterator<VisitorHistoryItem> it = items.iterator(); it.hasNext(); ) {
                    sink.write(table, (Map<String, Object>) adapter.toJsonValue(it.next()));
                    rows++;
                }
            }
            days = days.with(visitorId, today);
            state.put(table.name(), TableState.of(days, sink.commit(table)));
            onRows.rows(rows);
            listener.workDone(table, done, total);
        }
    }

    /** Builds a {@link SyncEngine}. */
    public static final class Builder {

        private PendoClient client;
        private Sink sink;
        private SyncState state;
        private SyncOptions settings;
        private TableRegistry registry = TableRegistry.standard();
        private SyncListener listener = SyncListener.NONE;
        private PendoEventListener events = PendoEventListener.NONE;

        private Builder() {}

        /**
         * The client to read from.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(PendoClient client) {
            this.client = client;
            return this;
        }

        /**
         * Where rows go.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder sink(Sink sink) {
            this.sink = sink;
            return this;
        }

        /**
         * Where checkpoints go.
         *
         * @param state the state
         * @return this builder
         */
        public Builder state(SyncState state) {
            this.state = state;
            return this;
        }

        /**
         * What to sync.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(SyncOptions settings) {
            this.settings = settings;
            return this;
        }

        /**
         * The tables (default: {@link TableRegistry#standard()}).
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder registry(TableRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Who hears progress (default: nobody).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SyncListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Who hears when each table starts and ends, for metrics (default {@link PendoEventListener#NONE}); the
         * client's own listener is not used, so pass the same one to both to see calls and tables.
         *
         * @param listener the listener; it must be thread-safe
         * @return this builder
         */
        public Builder eventListener(PendoEventListener listener) {
            this.events = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The engine.
         *
         * @return an engine
         * @throws NullPointerException if the client, sink, state or settings is missing
         */
        public SyncEngine build() {
            return new SyncEngine(this);
        }
    }
}
