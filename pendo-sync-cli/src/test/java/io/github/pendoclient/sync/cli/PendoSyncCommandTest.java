package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.testing.VisitorRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pendo-sync end to end against its embedded FakePendo, into both storages. */
class PendoSyncCommandTest {

    private static final String END = "2026-11-01";
    private static final List<String> DEMO =
            List.of("--demo", "--demo-visitors", "600", "--demo-accounts", "60", "--demo-days", "8", "--demo-end", END);
    private static final Dataset DATASET = Dataset.generator(42)
            .visitors(600)
            .accounts(60)
            .days(8)
            .endingAt(LocalDate.parse(END)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .plus(Duration.ofHours(9)))
            .build();

    @TempDir
    Path dir;

    /** Runs pendo-sync in this JVM with no key; returns its exit code and output. */
    private static CommandRun sync(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(DEMO);
        return syncWith(Map.of(), all.toArray(String[]::new));
    }

    private static CommandRun syncWith(Map<String, String> environment, String... args) {
        return CommandRun.of(environment, List.of(args));
    }

    private static Set<String> identifiedVisitors() {
        return DATASET.visitors().stream()
                .map(VisitorRow::id)
                .filter(id -> !id.startsWith("_PENDO_T_"))
                .collect(Collectors.toSet());
    }

    /** Daily rows of a rolled-up source: one per visitor, account, app, day, object, address and agent. */
    private static long dailyRows(HourlyEvents.Kind kind) {
        return DATASET.hourRows().stream()
                .filter(r -> kind == null || r.kind() == kind)
                .map(r -> List.of(
                        r.visitorId(),
                        r.accountId(),
                        r.appId(),
                        Math.floorDiv(r.hour(), 86_400_000L),
                        kind == null ? "" : r.objectId(),
                        r.remoteIp(),
                        r.userAgent()))
                .distinct()
                .count();
    }

    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    @Test
    void syncsEveryTableIntoJsonLinesWithTheDatasetsRowsThenOnlyWhatIsNew() throws IOException {
        Path out = dir.resolve("jsonl");
        CommandRun first = sync("--out", out.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out().lines().findFirst().orElseThrow())
                .startsWith("No PENDO_INTEGRATION_KEY set")
                .contains("in-process fake Pendo");
        assertThat(first.out())
                .contains("every table synced")
                .contains(out.toAbsolutePath().toString());
        assertThat(lines(out.resolve("visitors.jsonl")))
                .isEqualTo(identifiedVisitors().size());
        assertThat(lines(out.resolve("accounts.jsonl"))).isEqualTo(60);
        assertThat(lines(out.resolve("features.jsonl")))
                .isEqualTo(DATASET.features().size());
        assertThat(lines(out.resolve("guides.jsonl")))
                .isEqualTo(DATASET.guides().size());
        assertThat(lines(out.resolve("page_events.jsonl"))).isEqualTo(dailyRows(HourlyEvents.Kind.PAGE));
        assertThat(lines(out.resolve("feature_events.jsonl"))).isEqualTo(dailyRows(HourlyEvents.Kind.FEATURE));
        assertThat(lines(out.resolve("track_events.jsonl"))).isEqualTo(dailyRows(HourlyEvents.Kind.TRACK));
        assertThat(lines(out.resolve("events.jsonl"))).isEqualTo(dailyRows(null));
        assertThat(lines(out.resolve("guide_events.jsonl")))
                .isEqualTo(DATASET.rows("guideEvents").size());
        assertThat(lines(out.resolve("poll_events.jsonl")))
                .isEqualTo(DATASET.rows("pollEvents").size());
        assertThat(lines(out.resolve("visitor_history.jsonl"))).isPositive();
        assertThat(Files.readString(out.resolve("visitors.jsonl"))).contains("\\\"q");

        CommandRun second = sync("--out", out.toString());

        assertThat(second.code()).isZero();
        for (String table :
                List.of("visitors", "accounts", "events", "page_events", "guide_events", "visitor_history")) {
            assertThat(second.out()).containsPattern("(?m)^" + table + "\\s+0\\s");
        }
        assertThat(lines(out.resolve("visitors.jsonl")))
                .isEqualTo(identifiedVisitors().size());
        assertThat(lines(out.resolve("page_events.jsonl"))).isEqualTo(dailyRows(HourlyEvents.Kind.PAGE));
    }

    @Test
    void syncsIntoDuckDbWithPrimaryKeysAndTypedColumns() throws Exception {
        Path db = dir.resolve("pendo.duckdb");
        CommandRun run = sync("--duckdb", db.toString(), "--page-size", "97");
        assertThat(run.code()).as(run.err()).isZero();

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement sql = connection.createStatement()) {
            assertThat(count(sql, "SELECT COUNT(*) FROM visitors"))
                    .isEqualTo(identifiedVisitors().size());
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = sql.executeQuery("SELECT visitor_id FROM visitors")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            assertThat(ids).isEqualTo(identifiedVisitors());
            assertThat(count(sql, "SELECT COUNT(*) FROM page_events")).isEqualTo(dailyRows(HourlyEvents.Kind.PAGE));
            assertThat(count(
                            sql,
                            "SELECT COUNT(*) FROM (SELECT DISTINCT page_id, visitor_id, account_id, app_id,"
                                    + " remote_ip, user_agent, period, period_start FROM page_events)"))
                    .isEqualTo(dailyRows(HourlyEvents.Kind.PAGE));
            // A day with a fractional counter in it (as Pendo sometimes sends) has NULL num_events; raw keeps it.
            assertThat(count(sql, "SELECT COUNT(*) FROM page_events WHERE num_events IS NULL"))
                    .isPositive();
            try (ResultSet total = sql.executeQuery("SELECT SUM(COALESCE(num_events,"
                    + " CAST(json_extract(raw, '$.numEvents') AS DOUBLE))) FROM page_events")) {
                total.next();
                assertThat(total.getDouble(1))
                        .isEqualTo(DATASET.hourRows().stream()
                                .filter(r -> r.kind() == HourlyEvents.Kind.PAGE)
                                .mapToDouble(HourlyEvents::numEvents)
                                .sum());
            }
            assertThat(count(sql, "SELECT COUNT(*) FROM guide_events"))
                    .isEqualTo(DATASET.rows("guideEvents").size());
            assertThat(count(sql, "SELECT COUNT(*) FROM accounts")).isEqualTo(60);
            assertThat(count(sql, "SELECT COUNT(*) FROM features"))
                    .isEqualTo(DATASET.features().size());
            assertThat(count(sql, "SELECT COUNT(*) FROM metadata_visitor_schema WHERE group_name = 'custom'"))
                    .isEqualTo(4);
            try (ResultSet types = sql.executeQuery(
                    "SELECT data_type FROM information_schema.columns WHERE"
                            + " table_name = 'visitors' AND column_name IN ('last_updated', 'metadata') ORDER BY column_name")) {
                types.next();
                assertThat(types.getString(1)).isEqualTo("TIMESTAMP");
                types.next();
                assertThat(types.getString(1)).isEqualTo("JSON");
            }
            assertThat(count(
                            sql,
                            "SELECT COUNT(*) FROM visitors WHERE json_extract_string(metadata,"
                                    + " '$.agent.role') IS NOT NULL"))
                    .isEqualTo(identifiedVisitors().size());
            Instant earliest = LocalDate.parse(END)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .minus(Duration.ofDays(8));
            try (ResultSet first = sql.executeQuery("SELECT epoch_ms(MIN(period_start)) FROM page_events")) {
                first.next();
                assertThat(first.getLong(1)).isGreaterThanOrEqualTo(earliest.toEpochMilli());
            }
        }
    }

    @Test
    void aRunKilledMidwayAndResumedEndsWithExactlyTheRowsOfAnUninterruptedRun() throws Exception {
        Path reference = dir.resolve("reference.duckdb");
        assertThat(sync("--duckdb", reference.toString(), "--page-size", "20").code())
                .isZero();

        Path resumed = dir.resolve("resumed.duckdb");
        Path state = dir.resolve("resumed.duckdb.state.json");
        // The killed child cannot delete what it unpacked (DuckDB's native library): its temporary files go here.
        Path childTemp = Files.createDirectories(dir.resolve("child-tmp"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + childTemp,
                "-cp",
                System.getProperty("java.class.path"),
                PendoSyncCommand.class.getName(),
                "--duckdb",
                resumed.toString(),
                "--page-size",
                "20"));
        command.addAll(DEMO);
        Process child;
        boolean checkpointed;
        try (WatchService watcher = dir.getFileSystem().newWatchService()) {
            // Watching before the child starts, so that no write of its state file goes unseen.
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            checkpointed = awaitChange(
                    watcher,
                    child,
                    () -> Files.exists(state) && Files.readString(state).contains("\"visitors\":{\"cursor\""));
        }
        assertThat(checkpointed)
                .as("the child checkpointed visitors: " + Files.readString(dir.resolve("child.log")))
                .isTrue();
        assertThat(child.isAlive())
                .as("the child must still be running when it is killed")
                .isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(state)).doesNotContain("\"events\"");

        CommandRun rest = sync("--duckdb", resumed.toString(), "--page-size", "20");
        assertThat(rest.code()).as(rest.out() + rest.err()).isZero();

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = connection.createStatement()) {
            sql.execute("ATTACH '" + reference.toAbsolutePath() + "' AS reference (READ_ONLY)");
            sql.execute("ATTACH '" + resumed.toAbsolutePath() + "' AS resumed (READ_ONLY)");
            for (String table : TableRegistry.standard().names()) {
                long expected = count(sql, "SELECT COUNT(*) FROM reference." + table);
                assertThat(count(sql, "SELECT COUNT(*) FROM resumed." + table))
                        .as(table)
                        .isEqualTo(expected);
                assertThat(count(
                                sql,
                                "SELECT COUNT(*) FROM (SELECT * FROM reference." + table
                                        + " EXCEPT SELECT * FROM resumed." + table + ")"))
                        .as(table + " rows differ")
                        .isZero();
            }
            assertThat(count(sql, "SELECT COUNT(*) FROM resumed.visitors"))
                    .isEqualTo(identifiedVisitors().size());
        }
    }

    @Test
    void theBannerAndTheSummaryAgreeOnVisitorsAndTheSummaryJsonSaysWhatTheTableSays() throws IOException {
        Path summary = dir.resolve("reports/summary.json");
        CommandRun run = sync(
                "--out",
                dir.resolve("out").toString(),
                "--tables",
                "features,visitors",
                "--summary-json",
                summary.toString());

        assertThat(run.code()).as(run.err()).isZero();
        long anonymous = DATASET.visitors().size() - identifiedVisitors().size();
        assertThat(anonymous).isPositive();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .contains("600 visitors, " + anonymous + " of them anonymous");
        assertThat(run.out())
                .containsPattern("(?m)^visitors\\s+" + identifiedVisitors().size() + "\\s")
                .contains("visitors: " + anonymous + " anonymous visitors skipped by design");
        Map<?, ?> json = (Map<?, ?>) JsonValues.parse(Files.readString(summary));
        assertThat(json.get("exitCode")).isEqualTo(0L);
        assertThat(json.get("failedTables")).isEqualTo(0L);
        assertThat(json.get("anonymousVisitorsSkipped")).isEqualTo(anonymous);
        assertThat(json.get("rows"))
                .isEqualTo(
                        (long) identifiedVisitors().size() + DATASET.features().size());
        List<?> tables = (List<?>) json.get("tables");
        assertThat(tables).hasSize(2);
        Map<?, ?> visitors = (Map<?, ?>) tables.get(1);
        assertThat(visitors.get("table")).isEqualTo("visitors");
        assertThat(visitors.get("status")).isEqualTo("ok");
        assertThat(visitors.get("rows")).isEqualTo((long) identifiedVisitors().size());
        assertThat((Long) visitors.get("requests")).isPositive();
    }

    @Test
    void unknownTablesAndBadDurationsAreUsageErrors() {
        assertThat(sync("--out", dir.toString(), "--tables", "nope").code()).isEqualTo(2);
        assertThat(sync("--out", dir.toString(), "--history", "ninety").code()).isEqualTo(2);
    }

    /** A condition on files the child writes. */
    @FunctionalInterface
    private interface FileCondition {
        boolean holds() throws IOException;
    }

    /**
     * Waits until the condition holds, checking it again each time the watched directory reports a change (the state
     * file is written to a temporary file and renamed over the old one), rather than polling on a timer. Returns false
     * when the child ends first, or after 60 seconds without it.
     */
    private static boolean awaitChange(WatchService watcher, Process child, FileCondition condition)
            throws IOException, InterruptedException {
        child.onExit().thenRun(() -> {
            try {
                watcher.close(); // wakes the wait below: the child will write nothing more
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (!condition.holds()) {
                WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    return false;
                }
                key.pollEvents();
                key.reset();
            }
            return true;
        } catch (ClosedWatchServiceException childEnded) {
            return condition.holds();
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
