package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.track.internal.Spool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional spool: events not delivered by the close deadline survive to the next sender on the directory. */
class TrackSenderSpoolTest {

    private static final String SECRET = "fake-spool-secret-5q4w3e";

    @TempDir
    Path spoolDir;

    private final CountDownLatch release = new CountDownLatch(1);
    /** How often the server recorded each visitor's event. */
    private final Map<String, AtomicInteger> recorded = new ConcurrentHashMap<>();

    private MockWebServer server;
    private final List<TrackClient> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        clients.forEach(TrackClient::close);
        server.close();
    }

    private TrackClient client(TimeSource time, RetryOptions retries, RateLimitOptions rateLimit) {
        TrackClient client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .retries(retries)
                .rateLimit(rateLimit)
                .timeSource(time)
                .build();
        clients.add(client);
        return client;
    }

    private static TrackEvent event(int i) {
        return TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-" + i)
                .property("n", i)
                .build();
    }

    private void record(RecordedRequest request) {
        recorded.computeIfAbsent(TrackSenderTest.visitorOf(request), v -> new AtomicInteger())
                .incrementAndGet();
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool"))
                    .sorted()
                    .toList();
        }
    }

    private void answerEverything() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                record(request);
                return new MockResponse.Builder().code(200).build();
            }
        });
    }

    /** Sender one holds v-1 in flight and v-2, v-3 queued when its deadline passes on the manual clock. */
    private TrackSenderTest.RecordingListener spoolThreeEvents() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                record(request);
                requestArrived.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).build();
            }
        });
        ManualTime time = new ManualTime();
        TrackSenderTest.RecordingListener listener = new TrackSenderTest.RecordingListener();
        TrackSender sender = client(time, RetryOptions.defaults(), RateLimitOptions.disabled())
                .sender(TrackSenderOptions.builder()
                        .concurrency(1)
                        .closeTimeout(Duration.ofSeconds(10))
                        .spoolDirectory(spoolDir)
                        .listener(listener)
                        .build());
        for (int i = 1; i <= 3; i++) {
            sender.track(event(i));
        }
        assertThat(requestArrived.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(recorded).containsKey("v-1");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(sender::close);
        time.awaitPending(1);
        time.advance(Duration.ofSeconds(10));
        closing.get(20, TimeUnit.SECONDS);
        assertThat(sender.stats().spooled()).isEqualTo(3);
        return listener;
    }

    @Test
    void eventsNotDeliveredByTheDeadlineAreSpooledAndSyncedInsteadOfFailing() throws Exception {
        TrackSenderTest.RecordingListener listener = spoolThreeEvents();

        assertThat(listener.spooled).containsExactlyInAnyOrder("v-1", "v-2", "v-3");
        assertThat(listener.failed).isEmpty();
        List<Path> files = spoolFiles();
        assertThat(files).hasSize(1);
        String text = Files.readString(files.get(0));
        assertThat(text.lines()).hasSize(3);
        // v-1 was in flight at the deadline: Pendo may have it. The others were never sent.
        assertThat(text.lines().filter(line -> line.contains("\"v-1\"")))
                .singleElement()
                .satisfies(line -> assertThat(line.charAt(9)).isEqualTo('U'));
        assertThat(text.lines().filter(line -> line.charAt(9) == 'N')).hasSize(2);
        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void theNextSenderSendsSpooledEventsFirstAndReportsInFlightOnesAsPossibleDuplicates() throws Exception {
        spoolThreeEvents();
        release.countDown();
        answerEverything();
        TrackSenderTest.RecordingListener listener = new TrackSenderTest.RecordingListener();

        try (TrackSender sender = client(TimeSource.system(), RetryOptions.defaults(), RateLimitOptions.disabled())
                .sender(TrackSenderOptions.builder()
                        .concurrency(1)
                        .spoolDirectory(spoolDir)
                        .listener(listener)
                        .build())) {
            sender.track(event(4));
            sender.flush().get(20, TimeUnit.SECONDS);
            assertThat(sender.stats().possibleDuplicates()).isEqualTo(1);
            assertThat(sender.stats().enqueued()).isEqualTo(4);
        }

        assertThat(listener.delivered).containsExactly("v-1", "v-2", "v-3", "v-4");
        assertThat(listener.possibleDuplicates).containsExactly("v-1");
        assertThat(recorded.get("v-1")).hasValue(2);
        assertThat(spoolFiles()).isEmpty();
        try (Stream<Path> left = Files.list(spoolDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".lock");
        }
    }

    private void writeSpool(String... visitors) throws IOException {
        Spool spool = Spool.open(spoolDir);
        try {
            spool.write(Stream.of(visitors)
                    .map(v -> new Spool.Entry(
                            TrackEvent.builder()
                                    .event("Report Exported")
                                    .visitorId(v)
                                    .build()
                                    .toJson(),
                            false))
                    .toList());
        } finally {
            spool.close();
        }
    }

    @Test
    void aRecordCutShortByACrashIsSkippedWithAWarning() throws Exception {
        writeSpool("v-1", "v-2");
        Files.writeString(
                spoolFiles().get(0), "0123abcd N {\"type\":\"track\",\"event\":\"Rep", StandardOpenOption.APPEND);
        answerEverything();
        TrackSenderTest.RecordingListener listener = new TrackSenderTest.RecordingListener();

        String log;
        try (StderrCapture stderr = new StderrCapture();
                TrackSender sender = client(TimeSource.system(), RetryOptions.defaults(), RateLimitOptions.disabled())
                        .sender(TrackSenderOptions.builder()
                                .spoolDirectory(spoolDir)
                                .listener(listener)
                                .build())) {
            sender.flush().get(20, TimeUnit.SECONDS);
            log = stderr.text();
        }

        assertThat(log).contains("cut short").contains("2 records before it are kept");
        assertThat(listener.delivered).containsExactlyInAnyOrder("v-1", "v-2");
        assertThat(listener.possibleDuplicates).isEmpty();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void afterACrashWhileDrainingOnlyUnconfirmedEventsAreSentAgainAndCountedAsPossibleDuplicates() throws Exception {
        writeSpool("v-1", "v-2", "v-3");
        // A sender that loaded the spool, delivered v-1 and died without closing leaves this behind.
        Spool crashed = Spool.open(spoolDir);
        List<Spool.Record> records = crashed.load();
        crashed.ended(records.get(0));
        crashed.close();
        answerEverything();
        TrackSenderTest.RecordingListener listener = new TrackSenderTest.RecordingListener();

        try (TrackSender sender = client(TimeSource.system(), RetryOptions.defaults(), RateLimitOptions.disabled())
                .sender(TrackSenderOptions.builder()
                        .spoolDirectory(spoolDir)
                        .listener(listener)
                        .build())) {
            sender.flush().get(20, TimeUnit.SECONDS);
            assertThat(sender.stats().possibleDuplicates()).isEqualTo(2);
        }

        assertThat(recorded).doesNotContainKey("v-1");
        assertThat(listener.possibleDuplicates).containsExactlyInAnyOrder("v-2", "v-3");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void anEventThatRunsOutOfAttemptsWhileClosingIsSpooledNotFailed() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).build();
            }
        });
        ManualTime time = new ManualTime();
        TrackSenderTest.RecordingListener listener = new TrackSenderTest.RecordingListener();
        TrackSender sender = client(
                        time,
                        RetryOptions.builder()
                                .initialBackoff(Duration.ofHours(1))
                                .maxBackoff(Duration.ofHours(1))
                                .build(),
                        RateLimitOptions.disabled())
                .sender(TrackSenderOptions.builder()
                        .maxAttempts(2)
                        .closeTimeout(Duration.ofSeconds(10))
                        .spoolDirectory(spoolDir)
                        .listener(listener)
                        .build());
        sender.track(event(1));
        time.awaitPending(1);

        // The second attempt is made at once and fails; close() then ends without waiting for its deadline.
        CompletableFuture.runAsync(sender::close).get(20, TimeUnit.SECONDS);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(listener.failed).isEmpty();
        assertThat(listener.spooled).containsExactly("v-1");
        assertThat(Files.readString(spoolFiles().get(0)).charAt(9)).isEqualTo('U');
    }

    @Test
    void aSecondSenderOnTheSameDirectoryIsRefused() {
        TrackClient client = client(TimeSource.system(), RetryOptions.defaults(), RateLimitOptions.disabled());
        TrackSenderOptions options =
                TrackSenderOptions.builder().spoolDirectory(spoolDir).build();
        try (TrackSender first = client.sender(options)) {
            assertThatThrownBy(() -> client.sender(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another track sender uses the spool directory");
            assertThat(first.stats().enqueued()).isZero();
        }
        client.sender(options).close();
    }

    @Test
    void optionsHaveNoSpoolByDefaultAndToBuilderKeepsIt() {
        TrackSenderOptions options = TrackSenderOptions.defaults();
        assertThat(options.spoolDirectory()).isEmpty();
        assertThat(TrackSenderOptions.builder().spoolDirectory(spoolDir).build().toBuilder()
                        .build()
                        .spoolDirectory())
                .contains(spoolDir);
    }

    /**
     * The acceptance scenario of issue 23: 1,000 events, 20 % 503 (half of them after Pendo recorded the event),
     * 10 % connection resets, 5 % 429 with {@code Retry-After: 1}, default options, close() at once; then a new sender
     * on the spool. The clock runs 100 times fast, so the 10 s close timeout is 0.1 s of real time.
     */
    @Test
    void aThousandEventsClosedAtOnceUnderFaultsAreAllDeliveredAcrossTwoLifetimes() throws Exception {
        Random random = new Random(23);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                double roll;
                synchronized (random) {
                    roll = random.nextDouble();
                }
                if (roll < 0.10) {
                    return new MockResponse.Builder().code(503).build();
                }
                if (roll < 0.20) {
                    record(request); // processed, then the answer was a 503
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
        });
        int events = 1000;
        FastTime time = new FastTime(100);
        TrackSenderTest.RecordingListener first = new TrackSenderTest.RecordingListener();
        TrackSenderStats one;
        TrackSender sender = client(time, RetryOptions.defaults(), RateLimitOptions.defaults())
                .sender(TrackSenderOptions.builder()
                        .spoolDirectory(spoolDir)
                        .listener(first)
                        .build());
        for (int i = 0; i < events; i++) {
            assertThat(sender.track(event(i))).isTrue();
        }
        sender.close();
        one = sender.stats();
        assertThat(one.failed()).isZero();
        assertThat(one.spooled()).isPositive();
        assertThat(one.delivered() + one.spooled()).isEqualTo(events);
        for (Path file : spoolFiles()) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }

        TrackSenderTest.RecordingListener second = new TrackSenderTest.RecordingListener();
        TrackSenderStats two;
        try (TrackSender next = client(time, RetryOptions.defaults(), RateLimitOptions.defaults())
                .sender(TrackSenderOptions.builder()
                        .maxAttempts(40)
                        .spoolDirectory(spoolDir)
                        .listener(second)
                        .build())) {
            next.flush().get(60, TimeUnit.SECONDS);
            two = next.stats();
        }
        time.shutdown();

        assertThat(two.failed()).isZero();
        // An event in flight at the deadline is spooled, marked, even if its answer then arrives: counted again.
        assertThat(one.delivered() + two.delivered() - events).isBetween(0L, two.possibleDuplicates());
        assertThat(recorded).hasSize(events);
        Set<String> reported = new HashSet<>(first.possibleDuplicates);
        reported.addAll(second.possibleDuplicates);
        assertThat(one.possibleDuplicates() + two.possibleDuplicates()).isEqualTo(reported.size());
        Set<String> duplicated = recorded.entrySet().stream()
                .filter(e -> e.getValue().get() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(duplicated).isNotEmpty();
        assertThat(reported).containsAll(duplicated);
        assertThat(spoolFiles()).isEmpty();
        System.out.printf(
                "lifetime 1: %s%nlifetime 2: %s%nduplicates at the server: %d, reported: %d%n",
                one, two, duplicated.size(), reported.size());
    }
}
