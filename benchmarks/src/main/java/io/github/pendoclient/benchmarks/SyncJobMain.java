package io.github.pendoclient.benchmarks;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.TableResult;
import io.github.pendoclient.sync.cli.DemoPendo;
import io.github.pendoclient.sync.sink.DiscardSink;
import io.github.pendoclient.sync.sink.DuckDbSink;
import io.github.pendoclient.sync.sink.JsonLinesSink;
import io.github.pendoclient.sync.sink.ParquetSink;
import io.github.pendoclient.sync.sink.PostgresSink;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The sync-job benchmark's child process: the pendo-sync engine over its demo dataset into one sink, printing a
 * line per table ({@code table rows seconds requests retries ok}) and the peak heap and resident set size. It is
 * the benchmark's own entry point, so the product's command line carries no benchmark-only flags.
 *
 * <p>Usage: {@code SyncJobMain discard|jsonl|duckdb|parquet|postgres TARGET_DIR [VISITORS ACCOUNTS DAYS]}; with
 * {@code BENCHMARK_PENDO_URL} set it reads that standalone fake (default integration key) instead of starting one,
 * and skips visitor_history; for
 * {@code postgres} the JDBC URL, user and password come from the environment ({@code BENCHMARK_PG_URL},
 * {@code BENCHMARK_PG_USER}, {@code BENCHMARK_PG_PASSWORD}).
 */
public final class SyncJobMain {

    private SyncJobMain() {}

    /**
     * Runs one sync.
     *
     * @param args the sink, the directory for its files, and optionally the demo's size
     * @throws Exception if the run cannot start
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path target = Path.of(args[1]);
        int visitors = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int days = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        Files.createDirectories(target);
        Clock clock = Clock.systemUTC();
        String remote = System.getenv("BENCHMARK_PENDO_URL");
        if (remote != null) {
            // The scale case: a standalone fake in another process, so this JVM holds pendo-sync alone.
            try (PendoClient client = PendoClient.builder()
                            .integrationKey(FakePendo.DEFAULT_INTEGRATION_KEY)
                            .baseUrl(remote)
                            .build();
                    Sink sink = sink(mode, target)) {
                sync(client, sink, target, clock, days, List.of());
            }
        } else {
            try (DemoPendo demo = DemoPendo.start(42, visitors, accounts, days, clock);
                    Sink sink = sink(mode, target)) {
                sync(demo.client(), sink, target, clock, days, demo.sampleVisitors(3));
            }
        }
        System.out.println("PEAK_HEAP=" + peakHeap());
        System.out.println("PEAK_RSS=" + peakRss());
        System.out.println("CPU_NANOS="
                + ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toNanos)
                        .orElse(-1L));
    }

    private static void sync(
            PendoClient client, Sink sink, Path target, Clock clock, int days, List<String> historyVisitors)
            throws IOException {
        SyncOptions settings = SyncOptions.builder()
                .clock(clock)
                .start(clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days)))
                .historyVisitors(historyVisitors)
                .build();
        SyncEngine engine = SyncEngine.builder()
                .client(client)
                .sink(sink)
                .state(SyncState.load(target.resolve("state.json")))
                .settings(settings)
                .build();
        Instant started = Instant.now();
        List<TableResult> results = engine.syncAll(TableRegistry.standard().names());
        for (TableResult result : results) {
            System.out.println(String.format(
                    Locale.ROOT,
                    "%-26s %,12d %9.3f %9d %8d  %s",
                    result.table(),
                    result.rows(),
                    result.elapsed().toMillis() / 1000.0,
                    result.requests(),
                    result.retries(),
                    result.ok() ? "ok" : "FAILED " + result.error().orElse("")));
        }
        System.out.println("SECONDS=" + Duration.between(started, Instant.now()).toMillis() / 1000.0);
        if (!results.stream().allMatch(TableResult::ok)) {
            System.exit(1);
        }
    }

    private static Sink sink(String mode, Path target) throws IOException {
        return switch (mode) {
            case "discard" -> new DiscardSink();
            case "jsonl" -> new JsonLinesSink(target.resolve("jsonl"));
            case "duckdb" -> new DuckDbSink(target.resolve("pendo.duckdb"));
            case "parquet" -> new ParquetSink(target.resolve("parquet"));
            case "postgres" ->
                PostgresSink.connect(
                        System.getenv("BENCHMARK_PG_URL"),
                        System.getenv("BENCHMARK_PG_USER"),
                        System.getenv("BENCHMARK_PG_PASSWORD"));
            default ->
                throw new IllegalArgumentException("mode is discard, jsonl, duckdb, parquet or postgres, got " + mode);
        };
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The process's peak resident set size in bytes (Linux's VmHWM), or -1 where /proc is missing. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
