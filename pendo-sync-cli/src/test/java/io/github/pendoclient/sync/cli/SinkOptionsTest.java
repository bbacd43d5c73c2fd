package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line's Parquet and PostgreSQL destinations: checked up front, then synced end to end. */
class SinkOptionsTest {

    private static final List<String> DEMO = List.of(
            "--demo",
            "--demo-visitors",
            "300",
            "--demo-accounts",
            "30",
            "--demo-days",
            "5",
            "--demo-end",
            "2026-11-01");
    private static final List<String> TABLES = List.of(
            "visitors",
            "accounts",
            "features",
            "page_events",
            "guide_events",
            "poll_events",
            "metadata_visitor_schema");

    @TempDir
    Path dir;

    private static List<String> demo(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--tables", String.join(",", TABLES)));
        all.addAll(DEMO);
        return all;
    }

    static Stream<List<String>> badInvocations() {
        return Stream.of(
                List.of("--parquet", "DIR/parquet", "--out", "DIR/out"),
                List.of("--postgres", "jdbc:postgresql://localhost/db", "--duckdb", "DIR/x.duckdb"),
                List.of("--parquet", "DIR/p", "--postgres", "jdbc:postgresql://localhost/db"),
                List.of("--postgres", "jdbc:mysql://localhost/db"),
                List.of("--postgres", "postgresql://localhost/db"),
                List.of("--postgres", "jdbc:postgresql://"),
                List.of("--postgres", "jdbc:postgresql://localhost/db?user=a&password=s3cret-in-url"),
                List.of("--postgres", "jdbc:postgresql://localhost/db", "--postgres-user", " "),
                List.of("--postgres-user", "analyst", "--out", "DIR/out"),
                List.of("--parquet", "DIR/a-file"),
                List.of("--parquet", "DIR/p", "--state", "DIR"),
                List.of("--postgres", "jdbc:postgresql://localhost/db", "--state", "DIR"),
                List.of("--parquet", "/proc/forbidden/parquet"));
    }

    @ParameterizedTest
    @MethodSource("badInvocations")
    void aBadDestinationIsOneLineAndExit2AndNothingIsCreated(List<String> template) throws IOException {
        Files.writeString(dir.resolve("a-file"), "not a directory");
        List<String> args = new ArrayList<>();
        template.forEach(arg -> args.add(arg.replace("DIR", dir.toString())));
        args.addAll(DEMO);
        CommandRun run = CommandRun.of(Map.of(PendoSyncCommand.ENV_PG_PASSWORD, "pg-secret-from-env"), args);

        assertThat(run.code()).as(run.err()).isEqualTo(PendoSyncCommand.EXIT_USAGE);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("pendo-sync: ")
                .doesNotContain("s3cret-in-url")
                .doesNotContain("pg-secret-from-env");
        assertThat(run.out()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("a-file"));
        }
        assertThat(Path.of("pendo-sync-postgres.state.json")).doesNotExist();
    }

    @Test
    void syncsIntoParquetFilesWithTheRowsOfADuckDbRun() throws Exception {
        Path reference = dir.resolve("reference.duckdb");
        assertThat(CommandRun.of(Map.of(), demo("--duckdb", reference.toString()))
                        .code())
                .isZero();
        Path parquet = dir.resolve("parquet");

        CommandRun first = CommandRun.of(Map.of(), demo("--parquet", parquet.toString()));
        CommandRun second = CommandRun.of(Map.of(), demo("--parquet", parquet.toString()));

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("(?m)^page_events\\s+0\\s");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = connection.createStatement()) {
            sql.execute("ATTACH '" + reference.toAbsolutePath() + "' AS reference (READ_ONLY)");
            for (String table : TABLES) {
                String file = "read_parquet('" + parquet.resolve(table + ".parquet") + "')";
                long expected = count(sql, "SELECT COUNT(*) FROM reference." + table);
                assertThat(expected).as(table).isPositive();
                assertThat(count(sql, "SELECT COUNT(*) FROM " + file)).as(table).isEqualTo(expected);
                assertThat(count(
                                sql,
                                "SELECT COUNT(*) FROM (SELECT * FROM reference." + table + " EXCEPT SELECT * FROM "
                                        + file + ")"))
                        .as(table + " rows differ")
                        .isZero();
            }
            try (ResultSet types = sql.executeQuery("SELECT typeof(last_updated), typeof(metadata) FROM"
                    + " read_parquet('" + parquet.resolve("visitors.parquet") + "') LIMIT 1")) {
                types.next();
                assertThat(types.getString(1)).isEqualTo("TIMESTAMP WITH TIME ZONE");
                assertThat(types.getString(2)).isEqualTo("JSON");
            }
        }
    }

    @Test
    void syncsIntoPostgresWithTypedColumnsThenOnlyWhatIsNewAndNeverPrintsThePassword() throws Exception {
        Path reference = dir.resolve("reference.duckdb");
        assertThat(CommandRun.of(Map.of(), demo("--duckdb", reference.toString()))
                        .code())
                .isZero();
        String url = EmbeddedPostgres.shared().newDatabase();
        Map<String, String> environment = new HashMap<>();
        environment.put(PendoSyncCommand.ENV_PG_PASSWORD, EmbeddedPostgres.PASSWORD);
        Path state = dir.resolve("pg.state.json");
        List<String> args = demo(
                "--postgres",
                url,
                "--postgres-user",
                EmbeddedPostgres.USER,
                "--state",
                state.toString(),
                "--page-size",
                "70");

        CommandRun first = CommandRun.of(environment, args);
        CommandRun second = CommandRun.of(environment, args);

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).containsPattern("(?m)^page_events\\s+0\\s").containsPattern("(?m)^visitors\\s+0\\s");
        assertThat(first.out() + first.err() + second.out() + second.err()).doesNotContain(EmbeddedPostgres.PASSWORD);
        Map<String, Long> expected = new HashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + reference.toAbsolutePath());
                Statement sql = duck.createStatement()) {
            for (String table : TABLES) {
                expected.put(table, count(sql, "SELECT COUNT(*) FROM " + table));
            }
        }
        try (Connection pg = DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement sql = pg.createStatement()) {
            for (String table : TABLES) {
                assertThat(count(sql, "SELECT COUNT(*) FROM " + table))
                        .as(table)
                        .isEqualTo(expected.get(table));
            }
            assertThat(columnTypes(sql, "visitors"))
                    .containsEntry("visitor_id", "text")
                    .containsEntry("last_updated", "timestamp with time zone")
                    .containsEntry("metadata", "jsonb");
            assertThat(columnTypes(sql, "page_events"))
                    .containsEntry("num_events", "bigint")
                    .containsEntry("period_start", "timestamp with time zone")
                    .containsEntry("raw", "jsonb");
            assertThat(count(
                            sql,
                            "SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_name ="
                                    + " 'page_events' AND constraint_type = 'PRIMARY KEY'"))
                    .isEqualTo(1);
            assertThat(count(sql, "SELECT COUNT(*) FROM visitors WHERE metadata -> 'agent' IS NOT NULL"))
                    .isEqualTo(expected.get("visitors"));
        }
    }

    private static Map<String, String> columnTypes(Statement sql, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = '" + table + "'")) {
            while (rows.next()) {
                types.put(rows.getString(1), rows.getString(2));
            }
        }
        return types;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
