package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.push.PushEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code pendo-sync push}, declared here and checked in {@link PushPlanner}: a source, the object it
 * writes, how columns map to fields (metadata) or to an event (track), and the run's files.
 */
final class PushOptions {

    // ---- the source: exactly one

    @Option(names = "--from-csv", paramLabel = "FILE", description = "Read this CSV file (RFC 4180, a header row).")
    Path fromCsv;

    @Option(names = "--from-jsonl", paramLabel = "FILE", description = "Read this JSON Lines file (one object a line).")
    Path fromJsonl;

    @Option(names = "--from-parquet", paramLabel = "FILE", description = "Read this Parquet file.")
    Path fromParquet;

    @Option(
            names = "--from-duckdb-query",
            paramLabel = "SQL",
            description = "Read the rows of this DuckDB query, in memory"
                    + " (it may read files: read_csv('a.csv'), read_parquet('b.parquet')) or on --duckdb-file.")
    String fromDuckdbQuery;

    @Option(
            names = "--duckdb-file",
            paramLabel = "FILE",
            description = "The DuckDB database --from-duckdb-query runs on, opened read-only (default: in memory).")
    Path duckdbFile;

    @Option(
            names = "--from-postgres-query",
            paramLabel = "SQL",
            description = "Read the rows of this PostgreSQL query, on --postgres; the password comes from "
                    + PendoSyncCommand.ENV_PG_PASSWORD + ".")
    String fromPostgresQuery;

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description = "The database of --from-postgres-query, e.g. jdbc:postgresql://localhost:5432/warehouse.")
    String postgres;

    @Option(
            names = "--postgres-user",
            paramLabel = "USER",
            description = "The PostgreSQL user (default: PGUSER, else postgres).")
    String postgresUser;

    // ---- what the rows are

    @Option(
            names = "--object",
            paramLabel = "KIND",
            description = "What each row is: visitor, account or parent-account metadata, or a track event.")
    String object;

    @Option(
            names = "--group",
            paramLabel = "GROUP",
            description = "Metadata: the field group written, agent or custom (default: custom).")
    String group;

    @Option(
            names = "--id-column",
            paramLabel = "COLUMN",
            description = "Metadata: the column holding the visitor, account or parent account id.")
    String idColumn;

    @Option(
            names = "--map",
            paramLabel = "COLUMN=FIELD",
            description = "Metadata: write this column to this field (repeatable).")
    List<String> maps = new ArrayList<>();

    @Option(
            names = "--mapping-file",
            paramLabel = "FILE",
            description = "Metadata: a file of COLUMN=FIELD lines (# starts a comment), instead of --map.")
    Path mappingFile;

    @Option(
            names = "--create-missing",
            description = "Metadata: create visitors or accounts Pendo does not know (Pendo's create=true),"
                    + " instead of skipping them into --rejects.")
    boolean createMissing;

    @Option(
            names = "--create-fields",
            description = "Metadata: send fields Pendo's schema does not have, for Pendo to create on write;"
                    + " without it they are refused before anything is sent.")
    boolean createFields;

    @Option(
            names = "--on-missing",
            paramLabel = "keep|clear",
            description = "Metadata: what happens to objects pushed before that are no longer in the source: keep"
                    + " their values, or clear (set the mapped fields to null) (default: keep).")
    String onMissing;

    // ---- track events

    @Option(names = "--event-name-column", paramLabel = "COLUMN", description = "Track: the column of event names.")
    String eventNameColumn;

    @Option(names = "--event-name", paramLabel = "NAME", description = "Track: one event name for every row.")
    String eventName;

    @Option(names = "--visitor-column", paramLabel = "COLUMN", description = "Track: the visitor id column.")
    String visitorColumn;

    @Option(names = "--account-column", paramLabel = "COLUMN", description = "Track: the account id column.")
    String accountColumn;

    @Option(
            names = "--timestamp-column",
            paramLabel = "COLUMN",
            description = "Track: when the event happened (epoch milliseconds or ISO-8601; default: now).")
    String timestampColumn;

    @Option(
            names = "--unique-key-column",
            paramLabel = "COLUMN",
            description = "Track: a column unique per event, so that no event is delivered twice (required).")
    String uniqueKeyColumn;

    @Option(
            names = "--property-columns",
            paramLabel = "COLUMN",
            split = ",",
            description = "Track: the columns sent as properties (default: every column not named above).")
    List<String> propertyColumns;

    // ---- the run

    @Option(names = "--full", description = "Send every row, changed or not (default: only new and changed ones).")
    boolean full;

    @Option(
            names = "--batch-size",
            paramLabel = "ROWS",
            description = "Metadata: rows per write request, 1.." + PushPlanner.MAX_BATCH + " (default: "
                    + PushEngine.DEFAULT_BATCH_SIZE + ").")
    Integer batchSize;

    @Option(
            names = "--dry-run",
            description = "Read the source and compare it with the state, print what would be sent, and send and"
                    + " change nothing.")
    boolean dryRun;

    @Option(
            names = "--rejects",
            paramLabel = "FILE",
            description = "Write every rejected or skipped row here as JSON Lines: the row, the reason and Pendo's"
                    + " message (default: FILE.rejects.jsonl beside --state).")
    Path rejects;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "State file: fingerprints of what Pendo accepted, keys of delivered events (default: ~/"
                    + PendoSyncCommand.STATE_DIRECTORY + "/push-OBJECT-HASH.state.json, one per source and object).")
    Path stateFile;

    @Option(
            names = "--summary-json",
            paramLabel = "FILE",
            description = "Also write the summary as JSON here, for schedulers.")
    Path summaryJson;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "us, us1, eu, jp or au (default: PENDO_REGION or us). Needs PENDO_INTEGRATION_KEY.")
    String region;

    @Option(
            names = "--demo",
            description = "Push into an in-process fake Pendo with generated demo visitors and accounts, without"
                    + " PENDO_INTEGRATION_KEY, to try the options.")
    boolean demo;
}
