package io.github.pendoclient.sync.push;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.track.TrackClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Pushes rows from a {@link PushSource} into Pendo: visitor, account or parent account metadata, or track events,
 * sending only what changed since the last run.
 *
 * <p>For metadata, one column is the object id and each mapped column is written to a field of one group
 * ({@code agent} or {@code custom}), converted to the field's type from Pendo's metadata schema; a row whose value
 * cannot be converted is rejected alone. Every option, the mapped columns and the mapped fields (unless
 * {@link Builder#createFields(boolean) createFields}) are checked before anything is sent: a failed check throws
 * {@link PushConfigurationException}.
 *
 * <p>The state file holds a 64-bit fingerprint of the mapped values Pendo last accepted per id, and the unique keys
 * of delivered events: a run sends new and changed rows only (an unchanged source sends no request), and
 * {@link Builder#full(boolean) full} resends everything. The state is updated only from Pendo's per-row answers and
 * checkpointed after each accepted batch, so a killed run, run again, converges, and the state never claims what
 * Pendo did not accept. Rows Pendo reports {@code missing} are skipped, counted and written to the rejects, and not
 * sent again until they change; {@link Builder#createMissing(boolean) createMissing} creates them instead.
 *
 * <p>Immutable; a run reads its source to the end and closes it ({@code toBuilder().source(next)} for the next run):
 * {@code PushEngine.builder().client(client).source(CsvSource.open(file)).kind(PushKind.VISITOR).idColumn("id")
 * .map("plan", "plan").stateFile(state).build().run()}.
 */
public final class PushEngine {

    /** Default rows per metadata request, and events per checkpoint. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final PendoClient client;
    private final TrackClient trackClient;
    private final PushTarget target;
    private final PushSource source;
    private final PushKind kind;
    private final String group;
    private final String idColumn;
    private final Map<String, String> mappings;
    private final boolean createMissing;
    private final boolean createFields;
    private final boolean full;
    private final OnMissing onMissing;
    private final boolean dryRun;
    private final Path stateFile;
    private final RejectSink rejects;
    private final PushEventOptions events;
    private final int batchSize;
    private final PushListener listener;

    private PushEngine(Builder builder) {
        this.client = builder.client;
        this.trackClient = builder.trackClient;
        this.target = builder.target;
        this.source = builder.source;
        this.kind = builder.kind;
        this.group = builder.group;
        this.idColumn = builder.idColumn;
        this.mappings = Collections.unmodifiableMap(new LinkedHashMap<>(builder.mappings));
        this.createMissing = builder.createMissing;
        this.createFields = builder.createFields;
        this.full = builder.full;
        this.onMissing = builder.onMissing;
        this.dryRun = builder.dryRun;
        this.stateFile = builder.stateFile;
        this.rejects = builder.rejects;
        this.events = builder.events;
        this.batchSize = builder.batchSize;
        this.listener = builder.listener;
    }

    /**
     * A builder with the defaults: group {@code custom}, {@link OnMissing#KEEP}, batches of
     * {@value #DEFAULT_BATCH_SIZE}, no state file (every run then sends every row), rejects dropped.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a new builder holding every setting of this engine} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.client = client;
        builder.trackClient = trackClient;
        builder.target = target;
        builder.source = source;
        builder.kind = kind;
        builder.group = group;
        builder.idColumn = idColumn;
        builder.mappings.putAll(mappings);
        builder.createMissing = createMissing;
        builder.createFields = createFields;
        builder.full = full;
        builder.onMissing = onMissing;
        builder.dryRun = dryRun;
        builder.stateFile = stateFile;
        builder.rejects = rejects;
        builder.events = events;
        builder.batchSize = batchSize;
        builder.listener = listener;
        return builder;
    }

    /**
     * Runs the push: checks, reads the source, sends what changed, checkpoints the state, and closes the source.
     *
     * @return what was done
     * @throws PushConfigurationException if a check fails; nothing was sent
     * @throws IOException if the source, the state file or the rejects cannot be read or written; batches accepted
     *     so far are in the state
     * @throws PushCredentialsRefusedException if Pendo refuses the key or shared secret (401, 403): the run stops at
     *     once; the refused and unsent rows stay unsent in the state, and the next run sends them
     * @throws io.github.pendoclient.error.PendoException if Pendo fails a request after retries (network, 5xx);
     *     batches accepted so far are in the state
     */
    public PushResult run() throws IOException {
        return new PushRun(this).run();
    }

    /** The target set, or one over the clients; checked by the run. */
    PushTarget target() {
        return target != null ? target : new PendoTarget(client, trackClient);
    }

    PushSource source() {
        return source;
    }

    PushKind kind() {
        return kind;
    }

    String group() {
        return group;
    }

    String idColumn() {
        return idColumn;
    }

    Map<String, String> mappings() {
        return mappings;
    }

    boolean createMissing() {
        return createMissing;
    }

    boolean createFields() {
        return createFields;
    }

    boolean full() {
        return full;
    }

    OnMissing onMissing() {
        return onMissing;
    }

    boolean dryRun() {
        return dryRun;
    }

    Path stateFile() {
        return stateFile;
    }

    RejectSink rejects() {
        return rejects;
    }

    PushEventOptions events() {
        return events;
    }

    int batchSize() {
        return batchSize;
    }

    PushListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "PushEngine[kind=" + kind + ", group=" + group + ", mappings=" + mappings + ", full=" + full + "]";
    }

    /** Builds a {@link PushEngine}; setters check their argument at once, {@link #build()} checks nothing more. */
    public static final class Builder {
        private PendoClient client;
        private TrackClient trackClient;
        private PushTarget target;
        private PushSource source;
        private PushKind kind;
        private String group = "custom";
        private String idColumn;
        private final Map<String, String> mappings = new LinkedHashMap<>();
        private boolean createMissing;
        private boolean createFields;
        private boolean full;
        private OnMissing onMissing = OnMissing.KEEP;
        private boolean dryRun;
        private Path stateFile;
        private RejectSink rejects = RejectSink.NONE;
        private PushEventOptions events;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private PushListener listener = PushListener.NONE;

        private Builder() {}

        /**
         * The client metadata is read and written with.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(PendoClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The client track events are sent with.
         *
         * @param trackClient the track client
         * @return this builder
         */
        public Builder trackClient(TrackClient trackClient) {
            this.trackClient = Objects.requireNonNull(trackClient, "trackClient");
            return this;
        }

        /**
         * A target of your own, instead of the clients.
         *
         * @param target the target
         * @return this builder
         */
        public Builder target(PushTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * The rows to push; a run reads it to the end and closes it.
         *
         * @param source the source
         * @return this builder
         */
        public Builder source(PushSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * What to push.
         *
         * @param kind visitors, accounts, parent accounts or track events
         * @return this builder
         */
        public Builder kind(PushKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * The metadata group written.
         *
         * @param group {@code agent} or {@code custom}
         * @return this builder
         */
        public Builder group(String group) {
            if (!"agent".equals(group) && !"custom".equals(group)) {
                throw new IllegalArgumentException("group must be 'agent' or 'custom', was '" + group + "'");
            }
            this.group = group;
            return this;
        }

        /**
         * The column holding the visitor or account id.
         *
         * @param column the column
         * @return this builder
         */
        public Builder idColumn(String column) {
            this.idColumn = Builders.requireText(column, "idColumn");
            return this;
        }

        /**
         * Maps a source column to a Pendo field; a later mapping of the same column replaces it.
         *
         * @param column the source column
         * @param field the field in the group, as Pendo names it (lower case)
         * @return this builder
         */
        public Builder map(String column, String field) {
            mappings.put(Builders.requireText(column, "column"), Builders.requireText(field, "field"));
            return this;
        }

        /**
         * Replaces every mapping, source column to Pendo field, in the map's order.
         *
         * @param mappings column to field
         * @return this builder
         */
        public Builder mappings(Map<String, String> mappings) {
            this.mappings.clear();
            mappings.forEach(this::map);
            return this;
        }

        /**
         * Whether ids Pendo does not know are created ({@code create=true}) rather than skipped as missing. This is
         * Pendo's documented switch for records, not for fields.
         *
         * @param createMissing true to create them
         * @return this builder
         */
        public Builder createMissing(boolean createMissing) {
            this.createMissing = createMissing;
            return this;
        }

        /**
         * Whether mapped fields absent from Pendo's schema are written (Pendo then creates them; its docs are silent
         * on this) rather than refused before sending.
         *
         * @param createFields true to write them
         * @return this builder
         */
        public Builder createFields(boolean createFields) {
            this.createFields = createFields;
            return this;
        }

        /**
         * Whether every row is sent, changed or not (not events).
         *
         * @param full true to resend
         * @return this builder
         */
        public Builder full(boolean full) {
            this.full = full;
            return this;
        }

        /**
         * What to do with objects an earlier run sent that are gone from the source.
         *
         * @param onMissing keep (the default) or clear
         * @return this builder
         */
        public Builder onMissing(OnMissing onMissing) {
            this.onMissing = Objects.requireNonNull(onMissing, "onMissing");
            return this;
        }

        /**
         * Whether to only read, diff and report: nothing is sent and the state is not changed. The schema is still
         * read to check the fields.
         *
         * @param dryRun true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * The state file, created on the first run. One file per job (kind, group, id column and mapped fields).
         *
         * @param stateFile the path
         * @return this builder
         */
        public Builder stateFile(Path stateFile) {
            this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
            return this;
        }

        /**
         * Where rows that were rejected or skipped as missing go; the caller closes it.
         *
         * @param rejects the sink, for example {@link JsonLinesRejects}
         * @return this builder
         */
        public Builder rejects(RejectSink rejects) {
            this.rejects = Objects.requireNonNull(rejects, "rejects");
            return this;
        }

        /**
         * How rows become track events (required for them).
         *
         * @param events the options
         * @return this builder
         */
        public Builder events(PushEventOptions events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * Rows per metadata request, and events per checkpoint.
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Hears progress, requests and rejects.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PushListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the engine; options that depend on each other are checked by {@link PushEngine#run()}.
         *
         * @return the engine
         */
        public PushEngine build() {
            return new PushEngine(this);
        }
    }
}
