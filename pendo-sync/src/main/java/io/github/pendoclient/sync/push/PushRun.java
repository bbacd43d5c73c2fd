package io.github.pendoclient.sync.push;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.sync.push.internal.PushState;
import io.github.pendoclient.track.TrackClient;
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
            try {
                if (engine.kind().isMetadata()) {
                    return new MetadataRun(engine, target, source, columns, counters).run();
                }
                return new EventRun(engine, target, source, columns, counters).run();
            } catch (AuthenticationException | PermissionDeniedException refused) {
                throw refused(engine.kind(), refused.statusCode(), counters.result(), refused);
            }
        }
    }

    /**
     * The error that stops a run whose credential Pendo refused: which credential, and what to do. Never the
     * credential itself.
     */
    static PushCredentialsRefusedException refused(PushKind kind, int status, PushResult soFar, Throwable cause) {
        boolean events = kind == PushKind.TRACK_EVENT;
        String credential = events
                ? "track event shared secret (" + TrackClient.ENV_SHARED_SECRET + ")"
                : "integration key (" + PendoClient.ENV_INTEGRATION_KEY + ")";
        String why = status == 403
                ? "lacks permission (HTTP 403)"
                : status == 401 ? "is not valid (HTTP 401)" : "was refused (HTTP " + status + ")";
        String fix = events
                ? "check that it is the Track Event shared secret from the app's settings in Pendo, for the"
                        + " subscription's region"
                : status == 403
                        ? "use an integration key created with 'Allow Write Access'"
                        : "check that the key belongs to the subscription and region and was not revoked";
        String done = events
                ? soFar.eventsDelivered() + " events were delivered before it"
                : soFar.sent() + " rows were accepted before it";
        return new PushCredentialsRefusedException(
                "Pendo says the " + credential + " " + why + "; the push stopped at the first refusal ("
                        + done + "). Nothing else was sent or marked delivered: " + fix
                        + ", then run again; the refused and unsent " + (events ? "events" : "rows")
                        + " are sent then, once.",
                status,
                soFar,
                cause);
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
