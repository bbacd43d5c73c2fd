package io.github.pendoclient.benchmarks;

import static io.github.pendoclient.benchmarks.Samples.max;
import static io.github.pendoclient.benchmarks.Samples.median;
import static io.github.pendoclient.benchmarks.Samples.min;

import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import io.github.pendoclient.track.TrackSenderStats;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The track sender case: the delivered rate against a server enforcing 100 requests per second, the sender's
 * throughput with the limit off as a ratio to a synchronous loop on the same {@link OkHttpClient}, and what
 * {@code track()} costs the caller meanwhile.
 */
final class TrackSenderCase {

    private static final String SECRET = "fake-benchmark-secret";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private TrackSenderCase() {}

    static String run(int events, int repetitions, Duration limitedRun) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(limited(limitedRun));
        out.append('\n').append(unlimited(events, repetitions));
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    /** A server that answers 200, or 429 once its leaky bucket (100/s, 10 deep) overflows. */
    private static final class LimitedServer extends Dispatcher {
        private final double perSecond;
        private final double depth;
        private double level;
        private long last = System.nanoTime();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();

        LimitedServer(double perSecond, double depth) {
            this.perSecond = perSecond;
            this.depth = depth;
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) {
            long now = System.nanoTime();
            level = Math.max(0, level - (now - last) / 1e9 * perSecond);
            last = now;
            if (level + 1 > depth) {
                rejected.incrementAndGet();
                return new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "1")
                        .build();
            }
            level += 1;
            accepted.incrementAndGet();
            return new MockResponse.Builder().code(200).build();
        }
    }

    private static String limited(Duration run) throws Exception {
        LimitedServer limiter = new LimitedServer(100, 10);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(limiter);
            server.start();
            try (TrackClient client = TrackClient.builder()
                            .sharedSecret(SECRET)
                            .baseUrl(server.url("/").toString())
                            .rateLimit(RateLimitOptions.perSecond(100))
                            .build();
                    TrackSender sender = client.sender(TrackSenderOptions.builder()
                            .queueCapacity(100_000)
                            .concurrency(4)
                            .build())) {
                for (int i = 0; i < 200; i++) {
                    sender.track(event(i)); // warm-up: two seconds' worth
                }
                sender.flush().get(30, TimeUnit.SECONDS);
                long deliveredBefore = sender.stats().delivered();
                int total = (int) (run.toSeconds() * 100 * 2); // more than the limit allows: a full queue
                for (int i = 0; i < total; i++) {
                    sender.track(event(i));
                }
                long start = System.nanoTime();
                Thread.sleep(run.toMillis());
                long elapsed = System.nanoTime() - start;
                TrackSenderStats stats = sender.stats();
                double rate = (stats.delivered() - deliveredBefore) / (elapsed / 1e9);
                return String.format(
                        Locale.ROOT,
                        "**Rate limit on (100/s), %d s, against a server that answers 429"
                                + " above 100/s (leaky bucket, 10 deep):** delivered %.1f events/s (%.2f of the"
                                + " target), %d responses with 429, %d retries.%n",
                        run.toSeconds(),
                        rate,
                        rate / 100,
                        limiter.rejected.get(),
                        stats.retried());
            }
        }
    }

    private static String unlimited(int events, int repetitions) throws Exception {
        List<Double> senderRates = new ArrayList<>();
        List<Double> loopRates = new ArrayList<>();
        List<long[]> trackCosts = new ArrayList<>();
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
                double loop = syncLoop(okHttp, server, events);
                long[] costs = new long[events];
                double sender = senderRun(okHttp, server, events, costs);
                if (rep >= 0) {
                    loopRates.add(loop);
                    senderRates.add(sender);
                    trackCosts.add(costs);
                }
            }
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
        double loop = median(loopRates);
        double sender = median(senderRates);
        long[] all = trackCosts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "**Rate limit off, %d events per run, %d runs, loopback server answering"
                        + " 200 at once, one shared `OkHttpClient`:**%n%n"
                        + "| case | events/s (median) | spread | vs loop |%n|---|---|---|---|%n"
                        + "| synchronous loop: `newCall(...).execute()` per event | %,.0f | %,.0f–%,.0f | 1.00 |%n"
                        + "| `TrackSender`, 4 in flight | %,.0f | %,.0f–%,.0f | %.2f |%n%n"
                        + "The caller's `track()` under that load: median %.1f µs, p99 %.1f µs, max %.1f ms.%n",
                events,
                repetitions,
                loop,
                min(loopRates),
                max(loopRates),
                sender,
                min(senderRates),
                max(senderRates),
                sender / loop,
                all[all.length / 2] / 1e3,
                all[(int) (all.length * 0.99)] / 1e3,
                all[all.length - 1] / 1e6);
    }

    private static double syncLoop(OkHttpClient okHttp, MockWebServer server, int events) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Request request = new Request.Builder()
                    .url(server.url("/data/track"))
                    .header("x-pendo-integration-key", SECRET)
                    .post(RequestBody.create(event(i).toJson(), JSON))
                    .build();
            try (Response response = okHttp.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code());
                }
            }
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static double senderRun(OkHttpClient okHttp, MockWebServer server, int events, long[] costs)
            throws Exception {
        AtomicLong delivered = new AtomicLong();
        try (TrackClient client = TrackClient.builder()
                        .sharedSecret(SECRET)
                        .baseUrl(server.url("/").toString())
                        .okHttpClient(okHttp)
                        .rateLimit(RateLimitOptions.disabled())
                        .build();
                TrackSender sender = client.sender(TrackSenderOptions.builder()
                        .queueCapacity(events)
                        .concurrency(4)
                        .build())) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                TrackEvent event = event(i);
                long before = System.nanoTime();
                sender.track(event);
                costs[i] = System.nanoTime() - before;
            }
            sender.flush().get(5, TimeUnit.MINUTES);
            double rate = events / ((System.nanoTime() - start) / 1e9);
            delivered.set(sender.stats().delivered());
            if (delivered.get() != events) {
                throw new IllegalStateException("Only " + delivered + " of " + events + " delivered");
            }
            return rate;
        }
    }

    /**
     * The track event the sender benchmarks send: one of 5,000 visitors, a small property map.
     *
     * @param i the event's number
     * @return the event
     */
    static TrackEvent event(int i) {
        return TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-" + (i % 5000))
                .accountId("acme")
                .property("format", "pdf")
                .property("n", i)
                .build();
    }
}
