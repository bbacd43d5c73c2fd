package io.github.pendoclient.benchmarks;

import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.TableResult;
import io.github.pendoclient.sync.cli.DemoPendo;
import io.github.pendoclient.sync.sink.DiscardSink;
import io.github.pendoclient.sync.sink.DuckDbSink;
import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import io.github.pendoclient.sync.sink.JsonLinesSink;
import io.github.pendoclient.sync.sink.ParquetSink;
import io.github.pendoclient.sync.sink.PostgresSink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * Each storage alone: the demo's {@code page_events} rows, fetched once and held in memory, written into each sink on
 * one thread with a commit every 25,000 rows, as a sync's writer thread does. Nothing is downloaded or parsed and no
 * fake competes for the cores, so this is how fast the storage itself takes the rows: a sync's rate for the table
 * can be no higher, however many cores it has.
 */
final class SinkAloneCase {

    private static final String TABLE = "page_events";
    private static final int COMMIT_ROWS = 25_000;
    private static final String[] MODES = {"discard", "jsonl", "duckdb", "parquet", "postgres"};
    private static final String[] NAMES = {"discard", "JSON Lines", "DuckDB", "Parquet", "PostgreSQL"};

    private SinkAloneCase() {}

    private record Sample(double seconds, double cpuSeconds) {}

    static String run(Path work, int repetitions) throws Exception {
        Table table = TableRegistry.standard().get(TABLE);
        List<Map<String, Object>> rows = fetch(work, table);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Sample>> samples = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            for (String mode : MODES) {
                List<Sample> runs = new ArrayList<>();
                for (int rep = 0; rep <= repetitions; rep++) { // the first run warms the JIT up, not counted
                    Path target = work.resolve("sink-alone-" + mode + "-" + rep);
                    WorkDirs.deleteRecursively(target);
                    Files.createDirectories(target);
                    try (Sink sink = open(mode, target, postgres)) {
                        long cpu = threads.getCurrentThreadCpuTime();
                        long start = System.nanoTime();
                        sink.open(table, OptionalLong.empty());
                        int written = 0;
                        for (Map<String, Object> row : rows) {
                            sink.write(table, row);
                            if (++written % COMMIT_ROWS == 0) {
                                sink.commit(table);
                            }
                        }
                        sink.commit(table);
                        if (rep > 0) {
                            runs.add(new Sample(
                                    (System.nanoTime() - start) / 1e9,
                                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9));
                        }
                    }
                    WorkDirs.deleteRecursively(target);
                }
                samples.add(runs);
                System.err.println("sink alone " + mode + ": " + runs);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "The demo's `%s` (%,d rows) held in memory and written into each storage"
                        + " on one thread, a commit every %,d rows, after one run that warms the JIT up; median of %d runs."
                        + " The CPU is the writing thread's (DuckDB's work runs on it; PostgreSQL's server works in its own"
                        + " process, on the same cores). Parquet's export, at close, is not counted, as in a sync.%n%n",
                TABLE,
                rows.size(),
                COMMIT_ROWS,
                repetitions));
        out.append("| storage | seconds | rows/s | CPU of the writing thread (s) |\n|---|---|---|---|\n");
        for (int i = 0; i < MODES.length; i++) {
            double seconds = median(samples.get(i), Sample::seconds);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %,.0f | %.2f |%n",
                    NAMES[i],
                    seconds,
                    rows.size() / seconds,
                    median(samples.get(i), Sample::cpuSeconds)));
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

    /** The table's rows as a sync reads them, from the demo's fake, kept in memory. */
    static List<Map<String, Object>> fetch(Path work, Table table) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        Path state = work.resolve("sink-alone-state.json");
        Files.createDirectories(work);
        Files.deleteIfExists(state);
        try (DemoPendo demo = DemoPendo.start(42, 20_000, 2_000, 60, clock)) {
            SyncOptions settings = SyncOptions.builder()
                    .clock(clock)
                    .start(clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(60)))
                    .build();
            SyncEngine engine = SyncEngine.builder()
                    .client(demo.client())
                    .sink(new Collecting(rows))
                    .state(SyncState.load(state))
                    .settings(settings)
                    .build();
            List<TableResult> results = engine.syncAll(List.of(table.name()));
            if (!results.get(0).ok()) {
                throw new IllegalStateException("Fetching " + table.name() + " failed: "
                        + results.get(0).error());
            }
        }
        Files.deleteIfExists(state);
        return rows;
    }

    private static Sink open(String mode, Path target, EmbeddedPostgres postgres) throws IOException {
        return switch (mode) {
            case "discard" -> new DiscardSink();
            case "jsonl" -> new JsonLinesSink(target);
            case "duckdb" -> new DuckDbSink(target.resolve("pendo.duckdb"));
            case "parquet" -> new ParquetSink(target);
            case "postgres" ->
                PostgresSink.connect(postgres.newDatabase(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
            default -> throw new IllegalArgumentException("Unknown storage " + mode);
        };
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Samples.median(
                samples.stream().map(sample -> value.applyAsDouble(sample)).toList());
    }

    /** A sink that keeps every row it is given, to replay them into the others. */
    private static final class Collecting implements Sink {

        private final List<Map<String, Object>> rows;

        Collecting(List<Map<String, Object>> rows) {
            this.rows = rows;
        }

        @Override
        public void open(Table table, OptionalLong position) {}

        @Override
        public void write(Table table, Map<String, Object> row) {
            rows.add(row);
        }

        @Override
        public OptionalLong commit(Table table) {
            return OptionalLong.empty();
        }

        @Override
        public void replace(Table table, List<Map<String, Object>> replacement) {
            rows.addAll(replacement);
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {}
    }
}
