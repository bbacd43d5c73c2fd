package io.github.pendoclient.sync.push;

import io.github.pendoclient.sync.push.internal.PushState;
import java.io.IOException;
import java.util.List;

/** One run of a {@link PushEngine}: the checks shared by every kind, then the metadata or event run. */
final class PushRun {

    private final PushEngine engine;

    PushRun(PushEngine engine) {
        this.engine = engine;
    }

    PushResult run() throws IOException {
        if (engine.kind() == null) {
            throw new PushConfigurationException("Say what to push: kind(VISITOR|ACCOUNT|PARENT_ACCOUNT|TRACK_EVENT)");
        }
        if (engine.source() == null) {
            throw new PushConfigurationException("Say where the rows come from: source(...)");
        }
        PushTarget target = engine.target();
        if (target instanceof PendoTarget pendo && !pendo.canPush(engine.kind())) {
            throw new PushConfigurationException(
                    engine.kind() == PushKind.TRACK_EVENT
                            ? "Pushing track events needs a TrackClient: trackClient(...), or a target(...)"
                            : "Pushing metadata needs a PendoClient: client(...), or a target(...)");
        }
        try (PushSource source = engine.source()) {
            List<String> columns = source.columns();
            Counters counters = new Counters(engine.kind(), engine.dryRun());
            if (engine.kind().isMetadata()) {
                return new MetadataRun(engine, target, source, columns, counters).run();
            }
            return new EventRun(engine, target, source, columns, counters).run();
        }
    }

    static void requireColumn(List<String> columns, String column, String what) {
        if (!columns.contains(column)) {
            throw new PushConfigurationException("The " + what + " column '" + column + "' is not in the source;"
                    + " its columns are " + String.join(", ", columns));
        }
    }

    static PushState openState(PushEngine engine, String job) throws IOException {
        return engine.stateFile() == null ? PushState.inMemory(job) : PushState.load(engine.stateFile(), job);
    }

    /** The counters of a run, mutable; {@link #result()} takes a snapshot. */
    static final class Counters {
        final PushKind kind;
        final boolean dryRun;
        long rowsRead;
        long newObjects;
        long changedObjects;
        long sent;
        long unchanged;
        long cleared;
        long skippedMissing;
        long rejected;
        long fieldsCreated;
        long eventsDelivered;
        long outcomeUnknown;
        long requests;

        Counters(PushKind kind, boolean dryRun) {
            this.kind = kind;
            this.dryRun = dryRun;
        }

        PushResult result() {
            return new PushResult(
                    kind,
                    dryRun,
                    rowsRead,
                    newObjects,
                    changedObjects,
                    sent,
                    unchanged,
                    cleared,
                    skippedMissing,
                    rejected,
                    fieldsCreated,
                    eventsDelivered,
                    outcomeUnknown,
                    requests);
        }
    }
}
