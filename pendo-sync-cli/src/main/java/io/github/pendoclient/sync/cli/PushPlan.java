package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.cli.PendoSyncCommand.ClientOpener;
import io.github.pendoclient.track.TrackClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a push needs, checked by {@link PushPlanner}. It holds no secret: the key, the shared secret and the
 * database password are read by the openers when the run starts, so that no {@code toString()} prints them.
 *
 * @param source where the rows come from
 * @param object visitor, account, parent-account or track
 * @param metadata the metadata settings; empty for track events
 * @param events the event columns; empty for metadata
 * @param full send every row, changed or not
 * @param dryRun read and compare, send and change nothing
 * @param state the state file
 * @param rejects the rejects file
 * @param summaryJson the summary's JSON file, if asked for
 * @param demo whether the run pushes into an in-process fake Pendo
 * @param client opens the client of a subscription; null for the demo
 * @param track opens the track client of a subscription; null for the demo and for metadata
 */
record PushPlan(
        SourceSpec source,
        String object,
        Optional<Metadata> metadata,
        Optional<Events> events,
        boolean full,
        boolean dryRun,
        Path state,
        Path rejects,
        Optional<Path> summaryJson,
        boolean demo,
        ClientOpener client,
        TrackOpener track) {

    /** Whether the rows are track events. */
    boolean isTrack() {
        return events.isPresent();
    }

    /**
     * How rows become metadata values.
     *
     * @param group agent or custom
     * @param idColumn the column of object ids
     * @param mapping column to field, in the order given
     * @param createMissing send create=true for ids Pendo does not know
     * @param createFields send fields Pendo's schema lacks, for Pendo to create
     * @param clearMissing clear the fields of objects gone from the source
     * @param batchSize rows per write request
     */
    record Metadata(
            String group,
            String idColumn,
            Map<String, String> mapping,
            boolean createMissing,
            boolean createFields,
            boolean clearMissing,
            int batchSize) {}

    /**
     * How rows become track events.
     *
     * @param nameColumn the column of event names, if names come from a column
     * @param name the one event name, if names are a constant
     * @param visitorColumn the visitor id column
     * @param accountColumn the account id column, if any
     * @param timestampColumn the timestamp column, if any
     * @param uniqueKeyColumn the column unique per event
     * @param propertyColumns the property columns; empty means every column not named above
     */
    record Events(
            Optional<String> nameColumn,
            Optional<String> name,
            String visitorColumn,
            Optional<String> accountColumn,
            Optional<String> timestampColumn,
            String uniqueKeyColumn,
            List<String> propertyColumns) {}

    /** Opens the track client when the run starts; a lambda, so that no shared secret shows in a toString(). */
    @FunctionalInterface
    interface TrackOpener {
        TrackClient open();
    }
}
