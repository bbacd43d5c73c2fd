package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.sink.DuckDbLimits;
import io.github.pendoclient.sync.sink.ParquetSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code pendo-sync pull}, which is also what {@code pendo-sync} runs with no subcommand: a picocli
 * mixin, so that the top-level command and {@code pull} declare them once. New pull options go here; their checks
 * go in {@link PullPlanner}.
 */
final class PullOptions {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory for the JSON Lines files (default: ./pendo-data).")
    Path out;

    @Option(names = "--duckdb", paramLabel = "FILE", description = "Write to this DuckDB database instead.")
    Path duckdb;

    @Option(
            names = "--parquet",
            paramLabel = "DIR",
            description = "Write one Parquet file per table into this" + " directory instead (staged in DIR/"
                    + ParquetSink.STAGING_FILE + ").")
    Path parquet;

    @Option(
            names = "--duckdb-memory",
            paramLabel = "SIZE",
            description = "Buffer memory of the embedded DuckDB"
                    + " behind --duckdb and --parquet, past which it spills to disk (default: "
                    + "${DEFAULT-VALUE}; DuckDB's own default is 80%% of the machine's memory).")
    String duckdbMemory = DuckDbLimits.defaults().memoryLimit();

    @Option(names = "--duckdb-threads", paramLabel = "N", description = "Worker threads of that DuckDB (default: 1).")
    int duckdbThreads = DuckDbLimits.defaults().threads();

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description = "Upsert into this PostgreSQL database"
                    + " instead, e.g. jdbc:postgresql://localhost:5432/analytics; the password comes from "
                    + PendoSyncCommand.ENV_PG_PASSWORD + ".")
    String postgres;

    @Option(
            names = "--postgres-user",
            paramLabel = "USER",
            description = "The PostgreSQL user (default: PGUSER," + " else postgres).")
    String postgresUser;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "State file (default: .pendo-sync-state.json in"
                    + " --out or --parquet, FILE.state.json beside --duckdb, ~/" + PendoSyncCommand.STATE_DIRECTORY
                    + "/postgres-HASH.state.json for --postgres, one per JDBC URL).")
    Path stateFile;

    @Option(
            names = "--tables",
            paramLabel = "TABLE",
            split = ",",
            description = "Tables to sync (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = PendoSyncCommand.TableNames.class)
    List<String> tables;

    @Option(names = "--app-ids", paramLabel = "APP_ID", split = ",", description = "App ids (default: every app).")
    List<Long> appIds = new ArrayList<>();

    @Option(
            names = "--start-date",
            paramLabel = "YYYY-MM-DD",
            description = "First day of events to sync (UTC). Not with --history.")
    String startDate;

    @Option(
            names = "--history",
            paramLabel = "DURATION",
            description =
                    "How far back to sync events, e.g. 90d" + " (default: 30d; the demo's 60d). Not with --start-date.")
    String history;

    @Option(
            names = "--period",
            paramLabel = "day|hour",
            description = "Event rows per day or per hour" + " (default: day).")
    String period = "day";

    @Option(
            names = "--window",
            paramLabel = "N",
            description = "Days (1.." + PendoSyncCommand.MAX_DAY_WINDOW + ") or hours (1.."
                    + PendoSyncCommand.MAX_HOUR_WINDOW + ") per request (default: 1 day, 24 hours).")
    Integer window;

    @Option(names = "--recent-first", description = "Sync the newest windows first.")
    boolean recentFirst;

    @Option(
            names = "--lag",
            paramLabel = "DURATION",
            description = "Leave the newest data for a later run, e.g. 8h"
                    + " (default: 0 for days, 8h for hours: hourly data arrives late).")
    String lag;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "us, us1, eu, jp or au (default: PENDO_REGION" + " or us). Needs PENDO_INTEGRATION_KEY.")
    String region;

    @Option(names = "--include-anonymous", description = "Also sync anonymous visitors (skipped by default).")
    boolean includeAnonymous;

    @Option(
            names = "--history-visitors",
            paramLabel = "VISITOR_ID",
            split = ",",
            description =
                    "Visitors whose" + " visitor_history to sync (default: none; three sample visitors in the demo).")
    List<String> historyVisitors = new ArrayList<>();

    @Option(
            names = "--page-size",
            paramLabel = "ROWS",
            description = "Rows per request for visitors and accounts," + " 1.." + PendoSyncCommand.MAX_PAGE_SIZE
                    + " (default: 50000).")
    Integer pageSize;

    @Option(
            names = "--summary-json",
            paramLabel = "FILE",
            description = "Also write the summary as JSON here," + " for schedulers.")
    Path summaryJson;

    @Option(
            names = "--metrics-file",
            paramLabel = "FILE",
            description = "Also write the run's figures here in the Prometheus text format, for the node exporter's"
                    + " textfile collector (rows, seconds, requests, retries, last success per table, exit status).")
    Path metricsFile;

    @Option(
            names = "--metadata-columns",
            paramLabel = "typed|json",
            description = "visitors and accounts: a typed column per metadata schema field beside the metadata JSON"
                    + " (typed, the default), or the metadata JSON column only (json).")
    String metadataColumns = "typed";

    @Option(
            names = "--demo",
            description = "Run the demo (no PENDO_INTEGRATION_KEY) into the destination the other"
                    + " options name; without it the demo writes only to ./pendo-data.")
    boolean demoRequested;

    @Option(
            names = "--demo-visitors",
            paramLabel = "N",
            description = "Demo only: visitors to generate" + " (default: 20000).")
    Integer demoVisitors;

    @Option(
            names = "--demo-accounts",
            paramLabel = "N",
            description = "Demo only: accounts (default: one per ten" + " visitors, at most "
                    + PendoSyncCommand.DEFAULT_DEMO_ACCOUNTS + ").")
    Integer demoAccounts;

    @Option(names = "--demo-days", paramLabel = "N", description = "Demo only: days of events (default: 60).")
    Integer demoDays;

    @Option(names = "--demo-seed", paramLabel = "N", description = "Demo only: the generator's seed (default: 42).")
    Long demoSeed;

    @Option(
            names = "--demo-end",
            paramLabel = "YYYY-MM-DD",
            description = "Demo only: the last day of events," + " which also fixes the clock (default: today).")
    String demoEnd;
}
