package io.github.pendoclient.benchmarks;

import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sync job: {@code pendo-sync} over the demo dataset into each sink (JSON Lines, DuckDB, Parquet, PostgreSQL),
 * each in a fresh JVM, against the same job writing nothing ({@code discard}: download and parse only, the limit).
 * PostgreSQL is the embedded server of pendo-sync's tests, on the same machine, a new database per run.
 */
final class SyncJobCase {

    private static final Pattern ROW = Pattern.compile("^(\\w+)\\s+([\\d,]+)\\s+([\\d.]+)\\s+(\\d+)\\s+(\\d+)\\s+ok");

    private SyncJobCase() {}

    /** The heap limit of the README's command, which the scale case gives pendo-sync. */
    static final List<String> HEAP_FLAGS = List.of("-Xmx128m");
    /**
     * The JVM flags of the README's first command, the one users run: every storage (discard too) runs with them,
     * so the collector and the JIT's code cache are the ones users get.
     */
    static final List<String> README_FLAGS = List.of(
            "-Xmx128m", "-XX:+UseSerialGC", "-Xss512k", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=32m");

    private static final String HEAP = String.join(" ", README_FLAGS);

    /** One child run; {@code cpuSeconds} is the pendo-sync JVM's own CPU time (user and system), fake included. */
    private record Run(Map<String, double[]> tables, long peakHeap, long peakRss, double seconds, double cpuSeconds) {}

    private static final String[] MODES = {"discard", "jsonl", "duckdb", "parquet", "postgres"};
    private static final String[] NAMES = {"discard", "JSON Lines", "DuckDB", "Parquet", "PostgreSQL"};

    static String run(Path work, int repetitions) throws Exception {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            for (int rep = 0; rep < repetitions; rep++) {
                for (String mode : MODES) {
                    Path target = work.resolve("sync-" + mode + "-" + rep);
                    WorkDirs.deleteRecursively(target);
                    Map<String, String> environment = new HashMap<>();
                    if (mode.equals("postgres")) {
                        environment.put("BENCHMARK_PG_URL", postgres.newDatabase());
                        environment.put("BENCHMARK_PG_USER", EmbeddedPostgres.USER);
                        environment.put("BENCHMARK_PG_PASSWORD", EmbeddedPostgres.PASSWORD);
                    }
                    runs.computeIfAbsent(mode, k -> new ArrayList<>())
                            .add(child(List.of(mode, target.toString()), environment));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "`pendo-sync` with its default demo (20,000 visitors, 2,000 accounts,"
                        + " 60 days of events) from the embedded fake, each run in a fresh JVM with `" + HEAP
                        + "` (the README's command), the fake in the same process; %s."
                        + " \"Discard\" fetches and parses every response but stores nothing: the limit that storage is"
                        + " measured against. Tables that finish in under half a second (the catalog, accounts) are left"
                        + " out of the per-table rates, which come from each table's time to the millisecond.%n%n",
                repetitions == 1 ? "one run per storage" : "median of " + repetitions + " runs"));
        out.append("| table | rows | discard rows/s");
        for (int i = 1; i < MODES.length; i++) {
            out.append(" | ").append(NAMES[i]).append(" rows/s | vs discard");
        }
        out.append(" |\n|---|---|---")
                .append("|---|---".repeat(MODES.length - 1))
                .append("|\n");
        Map<String, double[]> first = runs.get("discard").get(0).tables();
        for (String table : first.keySet()) {
            boolean timed = runs.values().stream()
                    .flatMap(List::stream)
                    .allMatch(run ->
                            run.tables().containsKey(table) && run.tables().get(table)[1] >= 0.5);
            if (!timed) {
                continue; // done in under half a second: too short to time at 0.1 s
            }
            double discard = medianRate(runs.get("discard"), table);
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f", table, first.get(table)[0], discard));
            for (int i = 1; i < MODES.length; i++) {
                double rate = medianRate(runs.get(MODES[i]), table);
                out.append(String.format(Locale.ROOT, " | %,.0f | %.2f", rate, rate / discard));
            }
            out.append(" |\n");
        }
        // Issue #15's target: each sink at least 0.7 of discard on every event table.
        out.append("\nEvent tables (`events` and `*_events` timed above), each sink's lowest and highest rate"
                + " ÷ discard:");
        for (int i = 1; i < MODES.length; i++) {
            double low = Double.MAX_VALUE;
            double high = 0;
            String lowest = "";
            for (String table : first.keySet()) {
                boolean timed = runs.values().stream()
                        .flatMap(List::stream)
                        .allMatch(run ->
                                run.tables().containsKey(table) && run.tables().get(table)[1] >= 0.5);
                if (!isEventTable(table) || !timed) {
                    continue;
                }
                double ratio = medianRate(runs.get(MODES[i]), table) / medianRate(runs.get("discard"), table);
                if (ratio < low) {
                    low = ratio;
                    lowest = table;
                }
                high = Math.max(high, ratio);
            }
            String line = String.format(
                    Locale.ROOT,
                    "%s %.2f (%s) to %.2f, %s",
                    NAMES[i],
                    low,
                    lowest,
                    high,
                    low >= 0.7 ? "target 0.7 met" : "**target 0.7 missed**");
            out.append(i == 1 ? " " : "; ").append(line);
            System.err.println("sync vs discard, event tables: " + line.replace("**", ""));
        }
        out.append(".\n");
        out.append("\n| storage | whole run (s, median) | vs discard | CPU of the JVM (s, median, fake included)"
                + " | CPU vs discard | peak heap used | peak RSS (fake included) |\n|---|---|---|---|---|---|---|\n");
        double discardSeconds = medianSeconds(runs.get("discard"));
        double discardCpu = medianCpu(runs.get("discard"));
        for (String mode : runs.keySet()) {
            double seconds = medianSeconds(runs.get(mode));
            long peak = runs.get(mode).stream().mapToLong(Run::peakHeap).max().orElse(0);
            long rss = runs.get(mode).stream().mapToLong(Run::peakRss).max().orElse(0);
            double cpu = medianCpu(runs.get(mode));
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f | %.1f | %.2f | %,d MB | %,d MB |%n",
                    mode,
                    seconds,
                    seconds / discardSeconds,
                    cpu,
                    cpu / discardCpu,
                    peak / 1_000_000,
                    rss / 1_000_000));
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

    /** The event tables of issue #15's target: {@code events} and every {@code *_events} table. */
    private static boolean isEventTable(String table) {
        return table.equals("events") || table.endsWith("_events");
    }

    private static double medianRate(List<Run> runs, String table) {
        double[] rates = runs.stream()
                .mapToDouble(run -> {
                    double[] t = run.tables().get(table);
                    return t == null || t[1] == 0 ? 0 : t[0] / t[1];
                })
                .sorted()
                .toArray();
        return rates[rates.length / 2];
    }

    private static double medianSeconds(List<Run> runs) {
        return Samples.median(runs.stream().map(Run::seconds).toList());
    }

    private static double medianCpu(List<Run> runs) {
        return Samples.median(runs.stream().map(Run::cpuSeconds).toList());
    }

    private static Run child(List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(README_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncJobMain.class.getName()));
        command.addAll(args);
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Map<String, double[]> tables = new LinkedHashMap<>();
        long peak = 0;
        long rss = 0;
        long cpuNanos = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher matcher = ROW.matcher(line);
                if (matcher.find()) {
                    tables.put(matcher.group(1), new double[] {
                        Double.parseDouble(matcher.group(2).replace(",", "")), Double.parseDouble(matcher.group(3))
                    });
                } else if (line.startsWith("PEAK_HEAP=")) {
                    peak = Long.parseLong(line.substring(10));
                } else if (line.startsWith("PEAK_RSS=")) {
                    rss = Long.parseLong(line.substring(9));
                } else if (line.startsWith("CPU_NANOS=")) {
                    cpuNanos = Long.parseLong(line.substring(10));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pendo-sync " + args + " failed");
        }
        System.err.println("sync " + args.get(0) + ": " + tables.size() + " tables");
        return new Run(tables, peak, rss, (System.nanoTime() - start) / 1e9, cpuNanos / 1e9);
    }
}
