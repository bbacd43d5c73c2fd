package io.github.pendoclient.benchmarks;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.sink.DuckDbLimits;
import io.github.pendoclient.sync.sink.DuckDbSink;
import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import io.github.pendoclient.sync.sink.ParquetSink;
import io.github.pendoclient.sync.sink.PostgresSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.StringJoiner;
import org.postgresql.PGConnection;

/**
 * Each sink against its storage's own bulk loader, fed the same rows: the demo's {@code page_events}, held in memory,
 * written by the sink (a commit every 25,000 rows, as a sync's writer does) and loaded by the storage itself from a
 * file of the same rows (DuckDB's JSON reader into the same table; PostgreSQL's {@code COPY} from a text and a binary
 * file into the same table with the same key; Parquet through DuckDB's {@code COPY ... TO}). One thread each, DuckDB
 * with the sink's limits; each side is timed until its storage is closed, so that what it wrote is in the file.
 */
final class StorageLoaderCase {

    private static final String TABLE = "page_events";
    private static final int COMMIT_ROWS = 25_000;

    /** The columns of {@code page_events} as the sink derives them (see StandardTables.rolledUp), in DuckDB SQL. */
    private static final String DUCKDB_COLUMNS = String.join(
            ", ",
            "coalesce(r.pageId, '')",
            "coalesce(r.visitorId, '')",
            "coalesce(r.accountId, '')",
            "coalesce(r.appId, 0)",
            "coalesce(r.remoteIp, '')",
            "coalesce(r.userAgent, '')",
            "CASE WHEN r.hour IS NOT NULL THEN 'hour' ELSE 'day' END",
            "epoch_ms(coalesce(r.hour, r.day, 0))",
            "r.numEvents",
            "r.numMinutes",
            "epoch_ms(r.firstTime)",
            "epoch_ms(r.lastTime)",
            "r.server",
            "r.country",
            "r.region",
            "json");

    /** One parse per row: the members the columns need, typed, beside the row's own JSON text for {@code raw}. */
    private static final String DUCKDB_ROWS = "(SELECT json, json_transform(json, '{\"pageId\":\"VARCHAR\","
            + "\"visitorId\":\"VARCHAR\",\"accountId\":\"VARCHAR\",\"appId\":\"BIGINT\",\"remoteIp\":\"VARCHAR\","
            + "\"userAgent\":\"VARCHAR\",\"hour\":\"BIGINT\",\"day\":\"BIGINT\",\"numEvents\":\"BIGINT\","
            + "\"numMinutes\":\"BIGINT\",\"firstTime\":\"BIGINT\",\"lastTime\":\"BIGINT\",\"server\":\"VARCHAR\","
            + "\"country\":\"VARCHAR\",\"region\":\"VARCHAR\"}') AS r FROM read_ndjson_objects('%s'))";

    private StorageLoaderCase() {}

    static String run(Path work, int repetitions) throws Exception {
        Table table = TableRegistry.standard().get(TABLE);
        List<Map<String, Object>> rows = SinkAloneCase.fetch(work, table);
        // World-readable: PostgreSQL's server reads its COPY files itself, and may run as another user.
        Path dir = Files.createTempDirectory(
                "pendo-loaders", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path ndjson = dir.resolve(TABLE + ".ndjson");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(ndjson), 1 << 16)) {
            for (Map<String, Object> row : rows) {
                out.write(JsonValues.toJsonUtf8(row));
                out.write('\n');
            }
        }
        String[] cases = {
            "duckdb-sink",
            "duckdb-loader",
            "parquet-sink",
            "parquet-loader",
            "postgres-sink",
            "postgres-copy-text",
            "postgres-copy-binary",
            "duckdb-sink-one-commit",
            "postgres-sink-one-commit"
        };
        List<List<Double>> seconds = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            seconds.add(new ArrayList<>());
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Path copyText = dir.resolve(TABLE + ".copy");
            Path copyBinary = dir.resolve(TABLE + ".copy.bin");
            copyFiles(postgres, table, rows, copyText, copyBinary);
            for (int rep = 0; rep <= repetitions; rep++) { // the first run warms the JIT up, not counted
                for (int i = 0; i < cases.length; i++) {
                    Path target = work.resolve("loader-" + cases[i] + "-" + rep);
                    WorkDirs.deleteRecursively(target);
                    Files.createDirectories(target);
                    double s = switch (cases[i]) {
                        case "duckdb-sink" ->
                            sink(new DuckDbSink(target.resolve("pendo.duckdb")), table, rows, COMMIT_ROWS);
                        case "duckdb-sink-one-commit" ->
                            sink(new DuckDbSink(target.resolve("pendo.duckdb")), table, rows, Integer.MAX_VALUE);
                        case "duckdb-loader" -> duckDbLoad(target.resolve("pendo.duckdb"), table, ndjson, rows.size());
                        case "parquet-sink" -> sink(new ParquetSink(target), table, rows, COMMIT_ROWS);
                        case "parquet-loader" ->
                            duckDbLoad(
                                    target.resolve("loader.duckdb"),
                                    table,
                                    ndjson,
                                    rows.size(),
                                    target.resolve(TABLE + ".parquet"));
                        case "postgres-sink" ->
                            sink(
                                    PostgresSink.connect(
                                            postgres.newDatabase(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD),
                                    table,
                                    rows,
                                    COMMIT_ROWS);
                        case "postgres-sink-one-commit" ->
                            sink(
                                    PostgresSink.connect(
                                            postgres.newDatabase(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD),
                                    table,
                                    rows,
                                    Integer.MAX_VALUE);
                        case "postgres-copy-text" -> postgresCopy(postgres, table, copyText, "", rows.size());
                        case "postgres-copy-binary" ->
                            postgresCopy(postgres, table, copyBinary, " (FORMAT binary)", rows.size());
                        default -> throw new IllegalStateException(cases[i]);
                    };
                    if (rep > 0) {
                        seconds.get(i).add(s);
                    }
                    System.err.printf(Locale.ROOT, "loaders %s run %d: %.2f s%n", cases[i], rep, s);
                    WorkDirs.deleteRecursively(target);
                }
            }
        } finally {
            WorkDirs.deleteRecursively(dir);
        }
        double[] median = new double[cases.length];
        for (int i = 0; i < cases.length; i++) {
            median[i] = Samples.median(seconds.get(i));
        }
        int n = rows.size();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "The demo's `%s` (%,d rows) held in memory, written by each sink on one"
                        + " thread (a commit every %,d rows), and loaded by the storage itself from a file of the same rows;"
                        + " DuckDB with the sink's limits (%s, %d thread) on both sides; each side timed until its storage is"
                        + " closed (Parquet: until the file is written); after one warm-up round, median of %d.%n%n",
                TABLE,
                n,
                COMMIT_ROWS,
                DuckDbLimits.defaults().memoryLimit(),
                DuckDbLimits.defaults().threads(),
                repetitions));
        out.append("| storage | the storage's own bulk load | seconds | rows/s | sink seconds | sink rows/s"
                + " | sink ÷ own load |\n|---|---|---|---|---|---|---|\n");
        row(
                out,
                "DuckDB",
                "`INSERT ... SELECT` from `read_ndjson_objects` (`json_transform`, one parse per row)",
                median[1],
                median[0],
                n);
        row(
                out,
                "Parquet",
                "DuckDB's load as above, then the sink's own `COPY ... TO` Parquet (ZSTD)",
                median[3],
                median[2],
                n);
        row(out, "PostgreSQL", "`COPY` text from a file", median[5], median[4], n);
        row(out, "PostgreSQL", "`COPY` binary from a file", median[6], median[4], n);
        out.append(String.format(
                Locale.ROOT,
                "%nThe same sinks with one commit at the end instead of one every %,d"
                        + " rows (a sync commits at each checkpoint, so that a killed run resumes): DuckDB %.2f s (%,.0f rows/s,"
                        + " %.2f of its own load), PostgreSQL %.2f s (%,.0f rows/s, %.2f of `COPY` text).%n",
                COMMIT_ROWS,
                median[7],
                n / median[7],
                median[1] / median[7],
                median[8],
                n / median[8],
                median[5] / median[8]));
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static void row(StringBuilder out, String storage, String loader, double own, double sink, int rows) {
        out.append(String.format(
                Locale.ROOT,
                "| %s | %s | %.2f | %,.0f | %.2f | %,.0f | %.2f |%n",
                storage,
                loader,
                own,
                rows / own,
                sink,
                rows / sink,
                own / sink));
    }

    /** Writes the rows with the sink, as a sync's writer does, and closes it; returns the seconds. */
    private static double sink(Sink sink, Table table, List<Map<String, Object>> rows, int commitRows)
            throws IOException {
        long start = System.nanoTime();
        try (sink) {
            sink.open(table, OptionalLong.empty());
            int written = 0;
            for (Map<String, Object> row : rows) {
                sink.write(table, row);
                if (++written % commitRows == 0) {
                    sink.commit(table);
                }
            }
            sink.commit(table);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Properties duckDbConfig() {
        Properties config = new Properties();
        config.setProperty("memory_limit", DuckDbLimits.defaults().memoryLimit());
        config.setProperty("threads", String.valueOf(DuckDbLimits.defaults().threads()));
        config.setProperty("preserve_insertion_order", "false");
        return config;
    }

    /** The table as the sink creates it (empty), then DuckDB's own load of the same rows into it. */
    private static double duckDbLoad(Path file, Table table, Path ndjson, int rows) throws IOException, SQLException {
        return duckDbLoad(file, table, ndjson, rows, null);
    }

    /**
     * DuckDB's own load of the same rows into the table as the sink creates it, and, for Parquet, the sink's own
     * export of that table (the Parquet sink stages in DuckDB and exports at close; exporting straight from the JSON
     * reader ran out of the 64 MB memory limit).
     */
    private static double duckDbLoad(Path file, Table table, Path ndjson, int rows, Path parquet)
            throws IOException, SQLException {
        try (DuckDbSink sink = new DuckDbSink(file)) {
            sink.open(table, OptionalLong.empty());
            sink.commit(table);
        }
        long start = System.nanoTime();
        try (Connection connection =
                        DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), duckDbConfig());
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("INSERT INTO " + TABLE + " SELECT " + DUCKDB_COLUMNS + " FROM "
                    + String.format(Locale.ROOT, DUCKDB_ROWS, ndjson.toAbsolutePath()));
            check(statement, rows, "SELECT count(*) FROM " + TABLE);
            if (parquet != null) {
                StringJoiner columns = new StringJoiner(", ");
                for (Column column : table.columns()) {
                    String name = "\"" + column.name() + "\"";
                    columns.add(
                            column.type() == ColumnType.TIMESTAMP
                                    ? "CAST(" + name + " AS TIMESTAMPTZ) AS " + name
                                    : name);
                }
                statement.execute("COPY (SELECT " + columns + " FROM " + TABLE + ") TO '" + parquet.toAbsolutePath()
                        + "' (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 16384)");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The same rows in PostgreSQL's own COPY formats: the sink loads them once, and COPY writes them out. */
    private static void copyFiles(
            EmbeddedPostgres postgres, Table table, List<Map<String, Object>> rows, Path text, Path binary)
            throws IOException, SQLException {
        String url = postgres.newDatabase();
        sink(PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD), table, rows, COMMIT_ROWS);
        try (Connection connection =
                DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(text), 1 << 16)) {
                copy.copyOut("COPY " + TABLE + " TO STDOUT", out);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(binary), 1 << 16)) {
                copy.copyOut("COPY " + TABLE + " TO STDOUT (FORMAT binary)", out);
            }
        }
        for (Path file : List.of(text, binary)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** The table as the sink creates it (empty, with its key), then the server's COPY of a file into it. */
    private static double postgresCopy(EmbeddedPostgres postgres, Table table, Path file, String options, int rows)
            throws IOException, SQLException {
        String url = postgres.newDatabase();
        try (PostgresSink sink = PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
            sink.open(table, OptionalLong.empty());
            sink.commit(table);
        }
        long start = System.nanoTime();
        try (Connection connection =
                        DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("COPY " + TABLE + " FROM '" + file.toAbsolutePath() + "'" + options);
            check(statement, rows, "SELECT count(*) FROM " + TABLE);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Checks that the load gave every row (the demo's rows have distinct keys). */
    private static void check(Statement statement, int rows, String query) throws SQLException {
        try (var result = statement.executeQuery(query)) {
            result.next();
            long count = result.getLong(1);
            if (count != rows) {
                throw new IllegalStateException(query + " gave " + count + ", expected " + rows);
            }
        }
    }
}
