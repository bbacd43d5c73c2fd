package io.github.pendoclient.benchmarks;

import static io.github.pendoclient.benchmarks.Samples.max;
import static io.github.pendoclient.benchmarks.Samples.median;
import static io.github.pendoclient.benchmarks.Samples.min;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackListener;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderClosedException;
import io.github.pendoclient.track.TrackSenderOptions;
import io.github.pendoclient.track.TrackSenderStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * The track sender at shutdown (issue #23): {@code close()} called at once after 1,000 events, default options (10 s
 * close timeout), against a loopback server with the fault mix: 20% 503 (half of them after recording the
 * event), 10% connection resets, 5% 429 with {@code Retry-After: 1}. Without a spool, then with one and a second
 * sender that drains it. Also 400 events against 30% 503 only.
 */
final class TrackShutdownCase {

    private static final String SECRET = "fake-benchmark-secret";

    private TrackShutdownCase() {}

    /** The fault mix; records how often each visitor's event was recorded. */
    private static final class MixServer extends Dispatcher {
        private final Random random = new Random(23);
        private final boolean mix;
        final Map<String, AtomicInteger> recorded = new ConcurrentHashMap<>();

        MixServer(boolean mix) {
            this.mix = mix;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (!mix) {
                if (roll < 0.30) {
                    return new MockResponse.Builder().code(503).build();
                }
                record(request);
                return new MockResponse.Builder().code(200).build();
            }
            if (roll < 0.10) {
                return new MockResponse.Builder().code(503).build();
            }
            if (roll < 0.20) {
                record(request);
                return new MockResponse.Builder().code(503).build();
            }
            if (roll < 0.30) {
                return new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                        .build();
            }
            if (roll < 0.35) {
                return new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "1")
                        .build();
            }
            record(request);
            return new MockResponse.Builder().code(200).build();
        }

        private void record(RecordedRequest request) {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            int at = body.indexOf("\"visitorId\":\"");
            String visitor = at < 0 ? body : body.substring(at + 13, body.indexOf('"', at + 13));
            recorded.computeIfAbsent(visitor, v -> new AtomicInteger()).incrementAndGet();
        }

        long duplicates() {
            return recorded.values().stream().filter(count -> count.get() > 1).count();
        }
    }

    /** Counts failures by kind. */
    private static final class Counting implements TrackListener {
        final AtomicInteger outcomeUnknown = new AtomicInteger();
        final AtomicInteger notProcessed = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();

        @Override
        public void onFailed(TrackEvent event, PendoException failure) {
            if (failure instanceof OutcomeUnknownException) {
                outcomeUnknown.incrementAndGet();
            } else if (failure instanceof TrackSenderClosedException) {
                notProcessed.incrementAndGet();
            } else {
                other.incrementAndGet();
            }
        }
    }

    private record Run(
            TrackSenderStats first,
            long closeMillis,
            Counting failures,
            TrackSenderStats second,
            long drainMillis,
            int distinct,
            long duplicates) {}

    private static Run run(int events, boolean mix, Path spool) throws Exception {
        MixServer dispatcher = new MixServer(mix);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(dispatcher);
            server.start();
            try (TrackClient client = TrackClient.builder()
                    .sharedSecret(SECRET)
                    .baseUrl(server.url("/").toString())
                    .build()) {
                Counting failures = new Counting();
                TrackSenderOptions.Builder options =
                        TrackSenderOptions.builder().listener(failures);
                if (spool != null) {
                    options.spoolDirectory(spool);
                }
                TrackSender sender = client.sender(options.build());
                for (int i = 0; i < events; i++) {
                    sender.track(TrackSenderCase.event(i));
                }
                long start = System.nanoTime();
                sender.close();
                long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                TrackSenderStats first = sender.stats();
                TrackSenderStats second = null;
                long drainMillis = 0;
                if (spool != null) {
                    start = System.nanoTime();
                    try (TrackSender next = client.sender(TrackSenderOptions.builder()
                            .maxAttempts(40)
                            .spoolDirectory(spool)
                            .build())) {
                        next.flush().get(30, TimeUnit.MINUTES);
                        second = next.stats();
                    }
                    drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                return new Run(
                        first,
                        closeMillis,
                        failures,
                        second,
                        drainMillis,
                        dispatcher.recorded.size(),
                        dispatcher.duplicates());
            }
        }
    }

    static String run(int repetitions) throws Exception {
        List<Double> plainShare = new ArrayList<>();
        List<Double> spoolShare = new ArrayList<>();
        List<Double> acrossShare = new ArrayList<>();
        List<Double> onlyShare = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int rep = 0; rep < repetitions; rep++) {
            Run plain = run(1000, true, null);
            plainShare.add(plain.first().delivered() / 1000.0);
            rows.append(String.format(
                    Locale.ROOT,
                    "| mix, no spool | %d | %,d delivered (%.1f%%), %,d failed: %,d"
                            + " outcome unknown, %,d not processed, %,d other | %,d ms | %,d | %,d |%n",
                    rep + 1,
                    plain.first().delivered(),
                    100.0 * plain.first().delivered() / 1000,
                    plain.first().failed(),
                    plain.failures().outcomeUnknown.get(),
                    plain.failures().notProcessed.get(),
                    plain.failures().other.get(),
                    plain.closeMillis(),
                    plain.distinct(),
                    plain.duplicates()));
            Path dir = Files.createTempDirectory("track-spool");
            try {
                Run spooled = run(1000, true, dir);
                spoolShare.add(spooled.first().delivered() / 1000.0);
                acrossShare.add(spooled.distinct() / 1000.0);
                rows.append(String.format(
                        Locale.ROOT,
                        "| mix, spool | %d | %,d delivered (%.1f%%), %,d spooled, %,d"
                                + " failed; then the next sender: %,d delivered in %,d ms, %,d failed; %,d reported as"
                                + " possible duplicates | %,d ms | %,d | %,d |%n",
                        rep + 1,
                        spooled.first().delivered(),
                        100.0 * spooled.first().delivered() / 1000,
                        spooled.first().spooled(),
                        spooled.first().failed(),
                        spooled.second().delivered(),
                        spooled.drainMillis(),
                        spooled.second().failed(),
                        spooled.first().possibleDuplicates() + spooled.second().possibleDuplicates(),
                        spooled.closeMillis(),
                        spooled.distinct(),
                        spooled.duplicates()));
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(TrackShutdownCase::delete);
                }
            }
            Run only503 = run(400, false, null);
            onlyShare.add(only503.first().delivered() / 400.0);
            rows.append(String.format(
                    Locale.ROOT,
                    "| 400 events, 30%% 503 only, no spool | %d | %,d delivered,"
                            + " %,d failed | %,d ms | %,d | %,d |%n",
                    rep + 1,
                    only503.first().delivered(),
                    only503.first().failed(),
                    only503.closeMillis(),
                    only503.distinct(),
                    only503.duplicates()));
        }
        return String.format(
                Locale.ROOT,
                "**1,000 events, `close()` at once, default options (10 s close"
                        + " timeout), real clock; mix: 20%% 503 (half after the server recorded the event), 10%%"
                        + " connection resets, 5%% 429 with `Retry-After: 1`; %d runs:**%n%n"
                        + "| case | run | what became of the events | close() took | distinct events at the server"
                        + " | events recorded twice |%n|---|---|---|---|---|---|%n%s%n"
                        + "Delivered within the close timeout, median (spread): no spool %.3f (%.3f–%.3f), spool"
                        + " %.3f (%.3f–%.3f); across the two lifetimes with the spool: %.3f (%.3f–%.3f). 400 events"
                        + " with 30%% 503 only: %.3f (%.3f–%.3f).%n%nRun on %s, %s %s, %d cores.%n",
                repetitions,
                rows,
                median(plainShare),
                min(plainShare),
                max(plainShare),
                median(spoolShare),
                min(spoolShare),
                max(spoolShare),
                median(acrossShare),
                min(acrossShare),
                max(acrossShare),
                median(onlyShare),
                min(onlyShare),
                max(onlyShare),
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
