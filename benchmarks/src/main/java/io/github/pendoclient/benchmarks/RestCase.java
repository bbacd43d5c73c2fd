package io.github.pendoclient.benchmarks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link RestOverheadBenchmark} with JMH and reports the ratio of medians, SDK over raw. */
final class RestCase {

    private RestCase() {}

    static String run() throws Exception {
        Options options = new OptionsBuilder()
                .include(RestOverheadBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Map<String, double[]>> bySize = new TreeMap<>();
        for (RunResult result : results) {
            String size = result.getParams().getParam("features");
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            var statistics = result.getPrimaryResult().getStatistics();
            bySize.computeIfAbsent(size, k -> new TreeMap<>())
                    .put(method, new double[] {statistics.getPercentile(50), statistics.getPercentile(90)});
        }
        StringBuilder out = new StringBuilder("JMH 1.37, `Mode.SampleTime`, 1 fork, 3 × 2 s warm-up, 5 × 2 s"
                + " measurement; a loopback server answers every call with the same list from memory, Nagle off.\n\n"
                + "| features in the list | raw OkHttp + Moshi, median (p90) µs | SDK `features().list()`, median (p90)"
                + " µs | SDK / raw (medians) |\n|---|---|---|---|\n");
        bySize.entrySet().stream()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey())))
                .forEach(entry -> {
                    double[] raw = entry.getValue().get("rawOkHttpAndMoshi");
                    double[] sdk = entry.getValue().get("sdk");
                    out.append(String.format(
                            Locale.ROOT,
                            "| %,d | %,.1f (%,.1f) | %,.1f (%,.1f) | %.2f |%n",
                            Integer.parseInt(entry.getKey()),
                            raw[0],
                            raw[1],
                            sdk[0],
                            sdk[1],
                            sdk[0] / raw[0]));
                });
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }
}
