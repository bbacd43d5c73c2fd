package io.github.pendoclient.benchmarks;

import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.internal.FieldColumns;
import io.github.pendoclient.sync.sink.DuckDbLimits;
import io.github.pendoclient.sync.sink.DuckDbSink;
import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import io.github.pendoclient.sync.sink.JsonLinesSink;
import io.github.pendoclient.sync.sink.ParquetSink;
import io.github.pendoclient.sync.sink.PostgresSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Typed metadata columns (issue 26) against the JSON-only form: a {@code visitors} table whose metadata schema has
 * 50 fields (string, integer, float, boolean, time and list, in the groups {@code auto}, {@code agent},
 * {@code custom}, {@code salesforce} and {@code hubspot}), its rows held in memory and written into each storage on
 * one thread with a commit every 25,000 rows, first with the JSON {@code metadata} column only, then with a column
 * per field as well. Reports rows/s and the size of what the storage keeps.
 */
final class TypedColumnsCase {

    private static final int FIELDS = 50;
    /**
     * DuckDB's memory for the DuckDB and Parquet sinks. At the default 64 MB, exporting these visitors to Parquet
     * (row groups of 16,384 rows of about 1.3 kB of metadata JSON each) runs out of memory, in the JSON-only form
     * too; 256 MB is what {@code --duckdb-memory 256MB} gives.
     */
    private static final DuckDbLimits LIMITS = new DuckDbLimits("256MB", 1);

    private static final int COMMIT_ROWS = 25_000;
    private static final String[] MODES = {"jsonl", "duckdb", "parquet", "postgres"};
    private static final String[] NAMES = {"JSON Lines", "DuckDB", "Parquet", "PostgreSQL"};
    private static final String[] GROUPS = {"agent", "custom", "salesforce", "hubspot"};
    private static final String[] TYPES = {"string", "integer", "float", "boolean", "time", "list"};

    private TypedColumnsCase() {}

    private record Sample(double seconds, long bytes) {}

    static String run(Path work, int rows, int repetitions) throws Exception {
        Table json = TableRegistry.standard().get("visitors");
        Map<String, Map<String, String>> schema = schema();
        Set<String> fixed = new HashSet<>();
        json.columns().forEach(column -> fixed.add(column.name()));
        Table typed = FieldColumns.table(json, FieldColumns.extend(List.of(), fixed, schema));
        List<Map<String, Object>> visitors = visitors(rows, schema);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            for (String mode : MODES) {
                for (Table table : List.of(json, typed)) {
                    String form = table == json ? "json" : "typed";
                    List<Sample> runs = new ArrayList<>();
                    for (int rep = 0; rep <= repetitions; rep++) { // the first run warms the JIT up, not counted
                        Path target = work.resolve("typed-" + mode + "-" + form + "-" + rep);
                        WorkDirs.deleteRecursively(target);
                        Files.createDirectories(target);
                        String url = mode.equals("postgres") ? postgres.newDatabase() : null;
                        long start;
                        double seconds;
                        try (Sink sink = open(mode, target, url)) {
                            start = System.nanoTime();
                            sink.open(table, OptionalLong.empty());
                            int written = 0;
                            for (Map<String, Object> row : visitors) {
                                sink.write(table, row);
                                if (++written % COMMIT_ROWS == 0) {
                                    sink.commit(table);
                                }
                            }
                            sink.commit(table);
                            seconds = (System.nanoTime() - start) / 1e9;
                        }
                        if (rep > 0) {
                            runs.add(new Sample(seconds, size(mode, target, url)));
                        }
                        WorkDirs.deleteRecursively(target);
                    }
                    samples.put(mode + "/" + form, runs);
                    System.err.println("typed columns " + mode + " " + form + ": " + runs);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%,d visitors whose metadata schema has %d fields (string, integer, float, boolean, time, list in"
                        + " four groups, besides `auto`), held in memory and written into each storage on one thread,"
                        + " a commit every %,d rows, after one run that warms the JIT up; median of %d runs; DuckDB and Parquet"
                        + " with `--duckdb-memory 256MB`, as when these figures were taken (the Parquet export of"
                        + " these visitors then ran out of memory at the default 64 MB; since the 8 MB row-group cap it"
                        + " fits, ParquetWideRowsMemoryTest). *json*:"
                        + " the `metadata` JSON column only (`--metadata-columns json`); *typed*: a column per field"
                        + " as well (the default). Size: the `.jsonl` file, the `.duckdb` file, the `.parquet` file"
                        + " (exported at close, not timed, as in a sync), PostgreSQL's `pg_total_relation_size`.%n%n",
                rows,
                FIELDS,
                COMMIT_ROWS,
                repetitions));
        out.append("| storage | rows/s json | rows/s typed | typed/json | size json | size typed | typed/json |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < MODES.length; i++) {
            List<Sample> plain = samples.get(MODES[i] + "/json");
            List<Sample> wide = samples.get(MODES[i] + "/typed");
            double plainRate = rows / median(plain, true);
            double wideRate = rows / median(wide, true);
            double plainBytes = median(plain, false);
            double wideBytes = median(wide, false);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f | %.2f | %.1f MB | %.1f MB | %.2f |%n",
                    NAMES[i],
                    plainRate,
                    wideRate,
                    wideRate / plainRate,
                    plainBytes / 1e6,
                    wideBytes / 1e6,
                    wideBytes / plainBytes));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static double median(List<Sample> samples, boolean seconds) {
        return Samples.median(samples.stream()
                .map(sample -> seconds ? sample.seconds() : (double) sample.bytes())
                .toList());
    }

    /** 50 fields: group by turn, type by turn. */
    static Map<String, Map<String, String>> schema() {
        Map<String, Map<String, String>> schema = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS; i++) {
            schema.computeIfAbsent(GROUPS[i % GROUPS.length], g -> new LinkedHashMap<>())
                    .put("field_" + i, TYPES[i % TYPES.length]);
        }
        return schema;
    }

    /** Visitors with a value for every field, of the field's type, seeded. */
    static List<Map<String, Object>> visitors(int rows, Map<String, Map<String, String>> schema) {
        Random random = new Random(26);
        List<Map<String, Object>> visitors = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            Map<String, Object> auto = new LinkedHashMap<>();
            auto.put("accountid", "account-" + (i % 2_000));
            auto.put("firstvisit", 1_700_000_000_000L + random.nextInt(1_000_000_000));
            auto.put("lastvisit", 1_760_000_000_000L + random.nextInt(1_000_000_000));
            auto.put("lastupdated", 1_760_000_000_000L + i);
            metadata.put("auto", auto);
            for (Map.Entry<String, Map<String, String>> group : schema.entrySet()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                group.getValue().forEach((field, type) -> fields.put(field, value(type, random)));
                metadata.put(group.getKey(), fields);
            }
            Map<String, Object> visitor = new LinkedHashMap<>();
            visitor.put("visitorId", "visitor-" + i);
            visitor.put("metadata", metadata);
            visitors.add(visitor);
        }
        return visitors;
    }

    private static Object value(String type, Random random) {
        return switch (type) {
            case "string" -> "value-" + random.nextInt(500);
            case "integer" -> (long) random.nextInt(100_000);
            case "float" -> random.nextInt(10_000) / 100.0;
            case "boolean" -> random.nextBoolean();
            case "time" -> 1_700_000_000_000L + random.nextInt(2_000_000_000);
            default -> List.of("tag-" + random.nextInt(20), "tag-" + random.nextInt(20));
        };
    }

    private static Sink open(String mode, Path target, String url) throws IOException {
        return switch (mode) {
            case "jsonl" -> new JsonLinesSink(target);
            case "duckdb" -> new DuckDbSink(target.resolve("pendo.duckdb"), LIMITS);
            case "parquet" -> new ParquetSink(target, LIMITS);
            case "postgres" -> PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
            default -> throw new IllegalArgumentException("Unknown storage " + mode);
        };
    }

    /** What the storage keeps for the table, in bytes, once the sink is closed. */
    private static long size(String mode, Path target, String url) throws IOException, SQLException {
        return switch (mode) {
            case "jsonl" -> Files.size(target.resolve("visitors.jsonl"));
            case "duckdb" -> duckDbSize(target.resolve("pendo.duckdb"));
            case "parquet" -> Files.size(target.resolve("visitors.parquet"));
            default -> {
                try (Connection connection =
                                DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                        Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT pg_total_relation_size('visitors')")) {
                    result.next();
                    yield result.getLong(1);
                }
            }
        };
    }

    /** The database file after a checkpoint, so that its write-ahead log is in it. */
    private static long duckDbSize(Path file) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("pendo.duckdb"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
