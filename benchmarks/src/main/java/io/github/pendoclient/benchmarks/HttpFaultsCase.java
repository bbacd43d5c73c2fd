package io.github.pendoclient.benchmarks;

import static io.github.pendoclient.benchmarks.Samples.max;
import static io.github.pendoclient.benchmarks.Samples.median;
import static io.github.pendoclient.benchmarks.Samples.min;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The HTTP stack under faults (issue #12): the track sender's throughput when 30% of requests answer 503, as a ratio
 * to the same run without faults, with the rate limit off and at 100/s; and 20 asynchronous calls that each meet one
 * 503, as a ratio to the same calls made blocking on 20 threads.
 */
final class HttpFaultsCase {

    private static final String SECRET = "fake-benchmark-secret";
    private static final String KEY = "fake-benchmark-key";

    private HttpFaultsCase() {}

    static String run(Duration window, int repetitions) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(sender(window, false, 3)).append('\n');
        out.append(sender(window, true, 3)).append('\n');
        out.append(asyncCalls(repetitions));
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    /** Answers 200, or a body-less 503 to every request whose number ends in 3, 6 or 9 when faults are on. */
    private static final class FaultyServer extends Dispatcher {
        private final boolean faults;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        FaultyServer(boolean faults) {
            this.faults = faults;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            int n = requests.incrementAndGet();
            if (faults && (n % 10 == 3 || n % 10 == 6 || n % 10 == 9)) {
                failed.incrementAndGet();
                // No body: MockWebServer writes a body separately from the headers, and on loopback that second small
                // write waits ~40 ms for a delayed ACK, which would measure the server's TCP stack, not the client.
                return new MockResponse.Builder().code(503).build();
            }
            return new MockResponse.Builder().code(200).build();
        }
    }

    /** Delivered events per second and requests per second over the window, after a warm-up, default options. */
    private static double[] senderRate(Duration window, boolean faults, boolean limited) throws Exception {
        FaultyServer dispatcher = new FaultyServer(faults);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(dispatcher);
            server.start();
            AtomicBoolean producing = new AtomicBoolean(true);
            try (TrackClient client = TrackClient.builder()
                            .sharedSecret(SECRET)
                            .baseUrl(server.url("/").toString())
                            .rateLimit(limited ? RateLimitOptions.perSecond(100) : RateLimitOptions.disabled())
                            .build();
                    TrackSender sender = client.sender(TrackSenderOptions.builder()
                            .closeTimeout(Duration.ZERO)
                            .build())) {
                Thread producer = new Thread(
                        () -> {
                            for (int i = 0; producing.get(); i++) {
                                sender.track(TrackSenderCase.event(i));
                            }
                        },
                        "benchmark-producer");
                producer.start();
                Thread.sleep(2_000); // warm-up: retries reach a steady state
                long deliveredBefore = sender.stats().delivered();
                int requestsBefore = dispatcher.requests.get();
                long start = System.nanoTime();
                Thread.sleep(window.toMillis());
                double seconds = (System.nanoTime() - start) / 1e9;
                double delivered = (sender.stats().delivered() - deliveredBefore) / seconds;
                double requests = (dispatcher.requests.get() - requestsBefore) / seconds;
                producing.set(false);
                producer.join();
                return new double[] {delivered, requests};
            }
        }
    }

    private static String sender(Duration window, boolean limited, int pairs) throws Exception {
        // Clean and faulty runs alternate, so that the shared machine's changing load hits both alike.
        List<Double> cleanDelivered = new ArrayList<>();
        List<Double> cleanRequests = new ArrayList<>();
        List<Double> faultyDelivered = new ArrayList<>();
        List<Double> faultyRequests = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            double[] clean = senderRate(window, false, limited);
            double[] faulty = senderRate(window, true, limited);
            cleanDelivered.add(clean[0]);
            cleanRequests.add(clean[1]);
            faultyDelivered.add(faulty[0]);
            faultyRequests.add(faulty[1]);
            ratios.add(faulty[0] / clean[0]);
        }
        String mode = limited ? "Rate limit on (100/s)" : "Rate limit off";
        String table = String.format(
                Locale.ROOT,
                "**%s, `TrackSender` with default options, %d pairs of runs"
                        + " (without faults, then with), each %d s measured after 2 s of warm-up, a producer keeping"
                        + " the queue full:**%n%n"
                        + "| server | delivered events/s, median (spread) | requests/s, median |%n|---|---|---|%n"
                        + "| answers 200 | %,.1f (%,.1f–%,.1f) | %,.1f |%n"
                        + "| answers 503 to 30%% of requests | %,.1f (%,.1f–%,.1f) | %,.1f |%n%n"
                        + "With 503s ÷ without, delivered, per pair: %s; median %.2f.",
                mode,
                pairs,
                window.toSeconds(),
                median(cleanDelivered),
                min(cleanDelivered),
                max(cleanDelivered),
                median(cleanRequests),
                median(faultyDelivered),
                min(faultyDelivered),
                max(faultyDelivered),
                median(faultyRequests),
                ratios.stream()
                        .map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .collect(java.util.stream.Collectors.joining(", ")),
                median(ratios));
        if (limited) {
            table += String.format(
                    Locale.ROOT,
                    " With 503s the sender used %.2f of the 100 requests/s it may make"
                            + " and delivered %.2f of 100 events/s (medians).",
                    median(faultyRequests) / 100,
                    median(faultyDelivered) / 100);
        }
        return table + "\n";
    }

    /** Answers 503 to the first request for each path and 200 to the next. */
    private static final class OnceFaultyServer extends Dispatcher {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (seen.add(path)) {
                return new MockResponse.Builder().code(503).build();
            }
            String id = path.substring(path.lastIndexOf('/') + 1);
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"visitorId\":\"" + id + "\",\"metadata\":{}}")
                    .build();
        }
    }

    private static String asyncCalls(int repetitions) throws Exception {
        List<Double> async = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            for (int rep = -1; rep < repetitions; rep++) {
                double a = twentyCalls(rep, true, pool);
                double t = twentyCalls(rep, false, pool);
                if (rep >= 0) {
                    async.add(a);
                    threads.add(t);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double a = median(async);
        double t = median(threads);
        return String.format(
                Locale.ROOT,
                "**20 calls that each meet one 503 (default retries: 500 ms backoff, 20%%"
                        + " jitter; rate limit off), %d runs:**%n%n"
                        + "| case | wall time, median ms | spread |%n|---|---|---|%n"
                        + "| 20 × `visitors().getAsync(id)` | %.0f | %.0f–%.0f |%n"
                        + "| 20 threads × `visitors().get(id)` | %.0f | %.0f–%.0f |%n%n"
                        + "Async ÷ threads: %.2f.%n",
                repetitions,
                a,
                min(async),
                max(async),
                t,
                min(threads),
                max(threads),
                a / t);
    }

    private static double twentyCalls(int rep, boolean asynchronous, ExecutorService pool) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new OnceFaultyServer());
            server.start();
            try (PendoClient client = PendoClient.builder()
                    .integrationKey(KEY)
                    .baseUrl(server.url("/").toString())
                    .rateLimit(RateLimitOptions.disabled())
                    .build()) {
                long start = System.nanoTime();
                if (asynchronous) {
                    List<CompletableFuture<?>> calls = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        calls.add(client.visitors().getAsync("v-" + rep + "-" + i));
                    }
                    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
                            .get(60, TimeUnit.SECONDS);
                } else {
                    List<Future<?>> calls = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        String id = "v-" + rep + "-" + i;
                        calls.add(pool.submit(() -> client.visitors().get(id)));
                    }
                    for (Future<?> call : calls) {
                        call.get(60, TimeUnit.SECONDS);
                    }
                }
                return (System.nanoTime() - start) / 1e6;
            }
        }
    }
}
