package io.github.pendoclient.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark cases side by side and rewrites their tables in BENCHMARKS.md. Every figure is a ratio to a
 * baseline measured in the same run, because the machines are shared and noisy.
 *
 * <p>Usage: {@code Benchmarks <BENCHMARKS.md> <work dir> [rows] [repetitions]}; the system property
 * {@code benchmark.only} (for example {@code track}, {@code shutdown}, or {@code faults,rest}) runs only the named cases.
 */
public final class Benchmarks {

    private Benchmarks() {}

    /**
     * Runs every case.
     *
     * @param args the BENCHMARKS.md path, a work directory, and optionally rows and repetitions
     */
    public static void main(String[] args) throws Exception {
        Path markdown = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        String only = System.getProperty("benchmark.only", "");
        if (only.isEmpty() || only.contains("streaming")) {
            String streaming = streamingCase(work, rows, repetitions);
            Markdown.replaceSection(markdown, "aggregation-streaming", streaming);
            System.out.println(streaming);
        }
        if (only.isEmpty() || only.contains("rest")) {
            String rest = RestCase.run();
            Markdown.replaceSection(markdown, "rest-overhead", rest);
            System.out.println(rest);
        }
        if (only.isEmpty() || only.contains("track")) {
            String track = TrackSenderCase.run(20_000, repetitions, java.time.Duration.ofSeconds(20));
            Markdown.replaceSection(markdown, "track-sender", track);
            System.out.println(track);
        }
        if (only.isEmpty() || only.contains("metrics")) {
            String metrics = MetricsCase.run(20_000, repetitions);
            Markdown.replaceSection(markdown, "metrics-overhead", metrics);
            System.out.println(metrics);
        }
        if (only.isEmpty() || only.contains("shutdown")) {
            String shutdown = TrackShutdownCase.run(3);
            Markdown.replaceSection(markdown, "track-shutdown", shutdown);
            System.out.println(shutdown);
        }
        if (only.isEmpty() || only.contains("faults")) {
            String faults = HttpFaultsCase.run(java.time.Duration.ofSeconds(5), 5);
            Markdown.replaceSection(markdown, "http-faults", faults);
            System.out.println(faults);
        }
        if (only.isEmpty() || only.contains("writes")) {
            String writes = WriteConnectionCase.run(2_000, Math.max(repetitions, 5));
            Markdown.replaceSection(markdown, "write-connections", writes);
            System.out.println(writes);
        }
        if (only.isEmpty() || only.contains("sync")) {
            String sync = SyncJobCase.run(work, repetitions);
            Markdown.replaceSection(markdown, "sync-job", sync);
            System.out.println(sync);
        }
        if (only.isEmpty() || only.contains("sinks")) {
            String sinks = SinkAloneCase.run(work, repetitions);
            Markdown.replaceSection(markdown, "sink-alone", sinks);
            System.out.println(sinks);
        }
        if (only.isEmpty() || only.contains("typed")) {
            String typed = TypedColumnsCase.run(work, Math.min(rows, 100_000), repetitions);
            Markdown.replaceSection(markdown, "typed-columns", typed);
            System.out.println(typed);
        }
        if (only.isEmpty() || only.contains("loaders")) {
            String loaders = StorageLoaderCase.run(work, repetitions);
            Markdown.replaceSection(markdown, "storage-loaders", loaders);
            System.out.println(loaders);
        }
        if (only.isEmpty() || only.contains("scale")) {
            String scale = ScaleCase.run(work);
            Markdown.replaceSection(markdown, "sync-scale", scale);
            System.out.println(scale);
        }
        if (only.isEmpty() || only.contains("push")) {
            String push = PushCase.run(work);
            Markdown.replaceSection(markdown, "push-job", push);
            System.out.println(push);
        }
        if (only.isEmpty() || only.contains("paging")) {
            String paging = PagingCase.run(100_000, repetitions);
            Markdown.replaceSection(markdown, "paging-cost", paging);
            System.out.println(paging);
        }
    }

    private static String streamingCase(Path work, int rows, int repetitions) throws Exception {
        Path body = VisitorsFile.ensure(work, rows, 42);
        long bytes = Files.size(body);
        String[][] cases = {
            {"bare", "-Xmx64m", "bare Moshi `JsonReader` pass (Moshi's parsing limit)"},
            {"sdk-typed", "-Xmx64m", "SDK, typed rows (`Visitor`)"},
            {"sdk-typed-strict", "-Xmx64m", "SDK, typed rows (`Visitor`), `Binding.STRICT`"},
            {"sdk-maps", "-Xmx64m", "SDK, `Map<String, Object>` rows"},
            {"naive", "-Xmx64m", "naive: whole body into one `List`"},
            {"naive", "-Xmx12g", "naive: whole body into one `List`"},
            {"fake", "-Xmx512m", "SDK, maps, served by `FakePendo` (generated visitors, same JVM)"},
        };
        Map<Integer, List<Result>> results = new LinkedHashMap<>();
        try (FileServer server = new FileServer(body)) {
            for (int rep = 0; rep < repetitions; rep++) {
                for (int i = 0; i < cases.length; i++) {
                    results.computeIfAbsent(i, k -> new ArrayList<>())
                            .add(runChild(cases[i][0], cases[i][1], cases[i][0].equals("fake") ? rows : server.port()));
                }
            }
        }
        double bareRate = median(results.get(0), rows);
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                "%d visitor rows, %.0f MB of JSON, served from loopback by a"
                        + " kernel file copy; %d runs per case, interleaved; each run in a fresh JVM reads the response"
                        + " once to warm up and once measured.%n%n",
                rows,
                bytes / 1e6,
                repetitions));
        table.append("| case | heap cap | rows/s (median) | spread (min–max) | vs bare | peak heap used |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < cases.length; i++) {
            List<Result> runs = results.get(i);
            if (runs.stream().anyMatch(r -> r.oom)) {
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | OutOfMemoryError | – | – | > cap |%n",
                        cases[i][2],
                        cases[i][1].substring(4)));
                continue;
            }
            double rate = median(runs, rows);
            double min = runs.stream().mapToDouble(r -> r.rate(rows)).min().orElse(0);
            double max = runs.stream().mapToDouble(r -> r.rate(rows)).max().orElse(0);
            long peak = runs.stream().mapToLong(r -> r.peakHeap).max().orElse(0);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %,.0f–%,.0f | %.2f | %,d MB |%n",
                    cases[i][2],
                    cases[i][1].substring(4),
                    rate,
                    min,
                    max,
                    rate / bareRate,
                    peak / 1_000_000));
        }
        table.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return table.toString();
    }

    private static double median(List<Result> runs, int rows) {
        double[] rates = runs.stream().mapToDouble(r -> r.rate(rows)).sorted().toArray();
        return rates[rates.length / 2];
    }

    private record Result(boolean oom, long nanos, long peakHeap) {
        double rate(int rows) {
            return rows / (nanos / 1e9);
        }
    }

    private static Result runChild(String mode, String heap, int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        heap,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StreamingCase.class.getName(),
                        mode,
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        process.waitFor();
        System.err.println(mode + " " + heap + ": " + result);
        if (result == null) {
            throw new IllegalStateException("The " + mode + " run printed no result");
        }
        if (result.contains("oom")) {
            return new Result(true, 0, 0);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String part : result.substring(7).split(" ")) {
            String[] kv = part.split("=");
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Result(false, values.get("nanos"), values.get("peakHeap"));
    }
}
