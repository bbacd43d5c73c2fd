package io.github.pendoclient.benchmarks;

import static io.github.pendoclient.benchmarks.Samples.max;
import static io.github.pendoclient.benchmarks.Samples.median;
import static io.github.pendoclient.benchmarks.Samples.min;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.micrometer.PendoMeterBinder;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The Micrometer binding on against off: a REST call's time ({@link MetricsOverheadBenchmark}, JMH) and a
 * {@link TrackSender}'s throughput, with a {@link PendoMeterBinder} as the clients' listener and the sender's gauges
 * bound, runs interleaved with the binding off.
 */
final class MetricsCase {

    private MetricsCase() {}

    static String run(int events, int repetitions) throws Exception {
        StringBuilder out = new StringBuilder(rest());
        out.append('\n').append(sender(events, repetitions));
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static String rest() throws Exception {
        var options = new OptionsBuilder()
                .include(MetricsOverheadBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx512m")
                .build();
        Map<String, double[]> byMethod = new TreeMap<>();
        for (RunResult result : new Runner(options).run()) {
            var statistics = result.getPrimaryResult().getStatistics();
            byMethod.put(
                    result.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    new double[] {statistics.getPercentile(50), statistics.getPercentile(90)});
        }
        double[] off = byMethod.get("metricsOff");
        double[] on = byMethod.get("metricsOn");
        return String.format(
                Locale.ROOT,
                "**REST call** (`features().list()` of 10 features, loopback, JMH `Mode.SampleTime`, 1 fork, 3 × 2 s"
                        + " warm-up, 5 × 2 s measurement):%n%n"
                        + "| binding | median (p90) µs | on / off (medians) |%n|---|---|---|%n"
                        + "| off | %,.1f (%,.1f) | 1.00 |%n| on (`SimpleMeterRegistry`) | %,.1f (%,.1f) | %.3f |%n",
                off[0],
                off[1],
                on[0],
                on[1],
                on[0] / off[0]);
    }

    private static String sender(int events, int repetitions) throws Exception {
        List<Double> offRates = new ArrayList<>();
        List<Double> onRates = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(200).build();
                }
            });
            server.start();
            OkHttpClient okHttp = new OkHttpClient();
            for (int rep = -1; rep < repetitions; rep++) { // rep -1 warms up
                double off = senderRun(okHttp, server, events, null);
                double on = senderRun(okHttp, server, events, PendoMeterBinder.create(new SimpleMeterRegistry()));
                if (rep >= 0) {
                    offRates.add(off);
                    onRates.add(on);
                }
            }
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
        double off = median(offRates);
        double on = median(onRates);
        return String.format(
                Locale.ROOT,
                "**TrackSender throughput** (%,d events per run, %d runs each, interleaved, 4 in flight, loopback"
                        + " server answering 200 at once):%n%n"
                        + "| binding | events/s (median) | spread | on / off |%n|---|---|---|---|%n"
                        + "| off | %,.0f | %,.0f–%,.0f | 1.00 |%n| on, gauges bound | %,.0f | %,.0f–%,.0f | %.3f |%n",
                events,
                repetitions,
                off,
                min(offRates),
                max(offRates),
                on,
                min(onRates),
                max(onRates),
                on / off);
    }

    private static double senderRun(OkHttpClient okHttp, MockWebServer server, int events, PendoMeterBinder metrics)
            throws Exception {
        try (TrackClient client = TrackClient.builder()
                        .sharedSecret("fake-benchmark-secret")
                        .baseUrl(server.url("/").toString())
                        .okHttpClient(okHttp)
                        .rateLimit(RateLimitOptions.disabled())
                        .eventListener(metrics == null ? PendoEventListener.NONE : metrics)
                        .build();
                TrackSender sender = client.sender(TrackSenderOptions.builder()
                        .queueCapacity(events)
                        .concurrency(4)
                        .build())) {
            if (metrics != null) {
                metrics.bindSender(sender, "benchmark");
            }
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                sender.track(TrackSenderCase.event(i));
            }
            sender.flush().get(5, TimeUnit.MINUTES);
            double rate = events / ((System.nanoTime() - start) / 1e9);
            if (sender.stats().delivered() != events) {
                throw new IllegalStateException("Only " + sender.stats().delivered() + " of " + events + " delivered");
            }
            return rate;
        }
    }
}
