package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.internal.json.JsonValues;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackSenderTest {

    private static final String SECRET = "fake-sender-secret-1a2b3c";

    private MockWebServer server;
    private TrackClient client;
    private final RecordingListener listener = new RecordingListener();
    private final CountDownLatch requestArrived = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private TrackClient client(int maxAttempts) {
        client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .readTimeout(Duration.ofSeconds(30))
                .retries(RetryOptions.builder()
                        .maxAttempts(maxAttempts)
                        .initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(20))
                        .maxRetryAfter(Duration.ofMillis(200))
                        .build())
                .rateLimit(RateLimitOptions.disabled())
                .build();
        return client;
    }

    private static TrackEvent event(int i) {
        return TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-" + i)
                .property("n", i)
                .build();
    }

    static String visitorOf(RecordedRequest request) {
        try (JsonReader reader = JsonReader.of(new Buffer().write(request.getBody()))) {
            return (String) JsonValues.readObject(reader).get("visitorId");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertBalanced(TrackSenderStats stats) {
        assertThat(stats.enqueued())
                .as("enqueued = delivered + failed + dropped + pending in %s", stats)
                .isEqualTo(stats.delivered() + stats.failed() + stats.dropped() + stats.pending());
    }

    /** Hears every callback and the thread it ran on. */
    static final class RecordingListener implements TrackListener {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> possibleDuplicates = new CopyOnWriteArrayList<>();
        final List<String> spooled = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final List<PendoException> failures = new CopyOnWriteArrayList<>();
        final List<String> dropped = new CopyOnWriteArrayList<>();
        final List<DropReason> reasons = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        /**
         * Waits until a condition on what the listener heard holds, failing after 30 s; each callback wakes the wait,
         * so it is a wait on the callbacks, not a poll.
         */
        synchronized void await(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("condition not met within 30 s").isPositive();
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        private synchronized void heard() {
            notifyAll();
        }

        @Override
        public void onDelivered(TrackEvent event) {
            threads.add(Thread.currentThread().getName());
            delivered.add(event.visitorId());
            heard();
        }

        @Override
        public void onDeliveredPossiblyTwice(TrackEvent event) {
            possibleDuplicates.add(event.visitorId());
            onDelivered(event);
        }

        @Override
        public void onSpooled(TrackEvent event) {
            threads.add(Thread.currentThread().getName());
            spooled.add(event.visitorId());
            heard();
        }

        @Override
        public void onFailed(TrackEvent event, PendoException failure) {
            threads.add(Thread.currentThread().getName());
            failed.add(event.visitorId());
            failures.add(failure);
            heard();
        }

        @Override
        public void onDropped(TrackEvent event, DropReason reason) {
            threads.add(Thread.currentThread().getName());
            dropped.add(event.visitorId());
            reasons.add(reason);
            heard();
        }
    }

    @Test
    void deliversEveryEventThroughFailuresResetsAnd429Bursts() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger rateLimited = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int n = requests.incrementAndGet();
                if (n % 10 == 3 || n % 10 == 6 || n % 10 == 9) { // 30% server errors
                    return new MockResponse.Builder()
                            .code(503)
                            .body("<html><title>Busy</title></html>")
                            .build();
                }
                if (n % 13 == 0) { // connection reset
                    return new MockResponse.Builder()
                            .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                            .build();
                }
                if (n % 37 < 3) { // bursts of three 429s
                    rateLimited.incrementAndGet();
                    return new MockResponse.Builder()
                            .code(429)
                            .addHeader("Retry-After", "0")
                            .build();
                }
                accepted.add(visitorOf(request));
                return new MockResponse.Builder().code(200).build();
            }
        });
        // About 45% of requests fail, in an order fixed by the server's request count but shared among four
        // concurrent events: with 12 attempts one of the 300 events ran out of them about once in 200 runs. With
        // 40, the chance that any event fails every attempt is below one in 10^10.
        client(40);
        int events = 300;
        List<TrackSenderStats> samples = new ArrayList<>();
        try (TrackSender sender = client.sender(
                TrackSenderOptions.builder().concurrency(4).listener(listener).build())) {
            for (int i = 0; i < events; i++) {
                assertThat(sender.track(event(i))).isTrue();
                if (i % 25 == 0) {
                    samples.add(sender.stats());
                }
            }
            sender.flush().get(60, TimeUnit.SECONDS);
            samples.add(sender.stats());
            TrackSenderStats stats = sender.stats();
            // One assertion for the counters, so that a failure shows all of them (delivered, failed, pending).
            assertThat(List.of(stats.delivered(), stats.failed(), stats.dropped(), stats.pending()))
                    .as("delivered, failed, dropped, pending in %s", stats)
                    .containsExactly((long) events, 0L, 0L, 0L);
            assertThat(stats.retried()).isGreaterThan(events / 4);
        }
        samples.forEach(TrackSenderTest::assertBalanced);
        assertThat(rateLimited.get()).isPositive();
        for (int i = 0; i < events; i++) {
            assertThat(accepted).contains("v-" + i);
        }
        // close() waits only 1 s for a callback the listener thread had begun; on a loaded machine it may end later.
        listener.await(() -> listener.delivered.size() >= events);
        assertThat(listener.delivered).hasSize(events).doesNotHaveDuplicates();
        assertThat(listener.threads).allMatch(name -> name.startsWith("pendo-track-listener-"));
    }

    @Test
    void permanentFailuresReachTheListenerAtOnceWithoutRetries() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .body("{\"message\": \"bad\"}")
                .build());
        server.enqueue(new MockResponse.Builder().code(403).build());
        client(5);
        try (TrackSender sender = client.sender(
                TrackSenderOptions.builder().concurrency(1).listener(listener).build())) {
            sender.track(event(1));
            sender.track(event(2));
            sender.flush().get(10, TimeUnit.SECONDS);
            assertThat(sender.stats().failed()).isEqualTo(2);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(listener.failed).containsExactly("v-1", "v-2");
        assertThat(listener.failures).allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    /** A dispatcher that holds every request until released; {@link #requestArrived} opens at the first. */
    private CountDownLatch holdRequests() {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requestArrived.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).build();
            }
        });
        return release;
    }

    private TrackSender fullSender(TrackSender.OverflowPolicy policy) throws InterruptedException {
        client(1);
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .queueCapacity(3)
                .concurrency(1)
                .overflow(policy)
                .blockTimeout(Duration.ofMillis(50))
                .listener(listener)
                .build());
        sender.track(event(0));
        // Once its request reached the server, the first event has left the queue: three more fill it.
        assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 3; i++) {
            assertThat(sender.track(event(i))).isTrue();
        }
        assertThat(sender.stats().queueDepth()).isEqualTo(3);
        return sender;
    }

    @Test
    void dropNewestDropsTheNewEventAndSaysSo() throws Exception {
        CountDownLatch release = holdRequests();
        try (TrackSender sender = fullSender(TrackSender.OverflowPolicy.DROP_NEWEST)) {
            assertThat(sender.track(event(4))).isFalse();
            release.countDown();
            sender.flush().get(10, TimeUnit.SECONDS);
            assertThat(sender.stats()).isEqualTo(new TrackSenderStats(5, 4, 0, 0, 1, 0, 0));
        }
        assertThat(listener.dropped).containsExactly("v-4");
        assertThat(listener.reasons).containsExactly(TrackListener.DropReason.QUEUE_FULL);
    }

    @Test
    void dropOldestEvictsTheOldestQueuedEvent() throws Exception {
        CountDownLatch release = holdRequests();
        try (TrackSender sender = fullSender(TrackSender.OverflowPolicy.DROP_OLDEST)) {
            assertThat(sender.track(event(4))).isTrue();
            release.countDown();
            sender.flush().get(10, TimeUnit.SECONDS);
            assertBalanced(sender.stats());
        }
        assertThat(listener.dropped).containsExactly("v-1");
        assertThat(listener.reasons).containsExactly(TrackListener.DropReason.OLDEST_EVICTED);
        assertThat(listener.delivered).containsExactlyInAnyOrder("v-0", "v-2", "v-3", "v-4");
    }

    @Test
    void throwRefusesTheEventAndCountsNothing() throws Exception {
        CountDownLatch release = holdRequests();
        try (TrackSender sender = fullSender(TrackSender.OverflowPolicy.THROW)) {
            assertThatThrownBy(() -> sender.track(event(4)))
                    .isInstanceOf(TrackQueueFullException.class)
                    .hasMessageContaining("3 events");
            assertThat(sender.stats().enqueued()).isEqualTo(4);
            release.countDown();
            sender.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(listener.dropped).isEmpty();
    }

    @Test
    void blockWaitsUpToItsTimeoutThenDrops() throws Exception {
        CountDownLatch release = holdRequests();
        try (TrackSender sender = fullSender(TrackSender.OverflowPolicy.BLOCK)) {
            long start = System.nanoTime();
            assertThat(sender.track(event(4))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
            release.countDown();
            sender.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(listener.reasons).containsExactly(TrackListener.DropReason.QUEUE_FULL);
    }

    @Test
    void flushAndCloseAreBoundedWhenTheServerNeverAnswers() throws Exception {
        CountDownLatch never = holdRequests();
        client(1);
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .concurrency(2)
                .closeTimeout(Duration.ofMillis(300))
                .listener(listener)
                .build());
        for (int i = 0; i < 10; i++) {
            sender.track(event(i));
        }

        assertThatThrownBy(() -> sender.flush().get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        long start = System.nanoTime();
        sender.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Bounded by the close timeout, not by the 30 s read timeout; the margin is for a loaded machine.
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(listener.failed).hasSize(10).doesNotHaveDuplicates();
        assertThat(listener.failures).allSatisfy(e -> assertThat(e).hasMessageContaining("closed"));
        TrackSenderStats stats = sender.stats();
        assertThat(stats.failed()).isEqualTo(10);
        assertThat(stats.pending()).isZero();
        assertBalanced(stats);
        never.countDown();
    }

    @Test
    void closeIsIdempotentAndLaterEventsAreDroppedVisibly() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).build();
            }
        });
        client(1);
        TrackSender sender =
                client.sender(TrackSenderOptions.builder().listener(listener).build());
        sender.track(event(1));
        sender.close();
        sender.close();

        assertThat(listener.delivered).containsExactly("v-1");
        assertThat(sender.track(event(2))).isFalse();
        // Settled before track() returns: the listener has heard it on this thread and the counter says so.
        assertThat(listener.dropped).containsExactly("v-2");
        assertThat(listener.reasons).containsExactly(TrackListener.DropReason.SENDER_CLOSED);
        assertThat(sender.stats().dropped()).isEqualTo(1);
        assertBalanced(sender.stats());
    }

    @Test
    void invalidEventsAreRefusedBeforeQueueing() {
        client(1);
        try (TrackSender sender = client.sender()) {
            TrackEvent old = event(1).toBuilder()
                    .timestamp(java.time.Instant.now().minus(Duration.ofDays(30)))
                    .build();
            assertThatThrownBy(() -> sender.track(old)).isInstanceOf(InvalidTrackEventException.class);
            assertThat(sender.stats().enqueued()).isZero();
        }
    }

    @Test
    void runsOnAnInjectedExecutor() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).build();
            }
        });
        client(1);
        AtomicInteger submitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService counting = new java.util.concurrent.AbstractExecutorService() {
            @Override
            public void execute(Runnable command) {
                submitted.incrementAndGet();
                pool.execute(command);
            }

            @Override
            public void shutdown() {
                pool.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return pool.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return pool.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return pool.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return pool.awaitTermination(timeout, unit);
            }
        };
        try (TrackSender sender = client.sender(TrackSenderOptions.builder()
                .concurrency(2)
                .executor(counting)
                .listener(listener)
                .build())) {
            sender.track(event(1));
            sender.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(submitted.get()).isPositive();
        assertThat(pool.isShutdown()).isFalse();
        assertThat(listener.delivered).containsExactly("v-1");
        pool.shutdownNow();
    }

    /** Runs timer tasks at once, recording their delays: retries cost no real time. */
    static final class ImmediateTime implements TimeSource {
        final List<Duration> delays = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService runner = Executors.newScheduledThreadPool(2);

        @Override
        public java.time.Instant now() {
            return java.time.Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) {
            delays.add(duration);
        }

        @Override
        public ScheduledFuture<?> schedule(Callable<?> task, Duration delay) {
            if (!delay.isZero()) {
                delays.add(delay);
            }
            return runner.schedule(task, 0, TimeUnit.NANOSECONDS);
        }
    }

    @Test
    void defaultOptionsDeliverAThousandEventsThrough503sResetsAnd429s() throws Exception {
        java.util.Random random = new java.util.Random(12);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger faults = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                double roll;
                synchronized (random) {
                    roll = random.nextDouble();
                }
                if (roll < 0.20) {
                    faults.incrementAndGet();
                    return new MockResponse.Builder().code(503).build();
                }
                if (roll < 0.30) {
                    faults.incrementAndGet();
                    return new MockResponse.Builder()
                            .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                            .build();
                }
                if (roll < 0.35) {
                    faults.incrementAndGet();
                    return new MockResponse.Builder().code(429).build();
                }
                accepted.add(visitorOf(request));
                return new MockResponse.Builder().code(200).build();
            }
        });
        ImmediateTime time = new ImmediateTime();
        client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .rateLimit(RateLimitOptions.disabled())
                .timeSource(time)
                .build();
        int events = 1000;
        try (TrackSender sender =
                client.sender(TrackSenderOptions.builder().listener(listener).build())) {
            for (int i = 0; i < events; i++) {
                assertThat(sender.track(event(i))).isTrue();
            }
            sender.flush().get(60, TimeUnit.SECONDS);
            TrackSenderStats stats = sender.stats();
            assertThat(stats.delivered()).isEqualTo(events);
            assertThat(stats.failed()).isZero();
            // Resets on pooled connections are retried by OkHttp itself, on a fresh connection, uncounted here.
            assertThat(stats.retried()).isGreaterThan(faults.get() / 2);
        }
        assertThat(faults.get()).isGreaterThan(250);
        assertThat(accepted).hasSize(events);
        assertThat(time.delays).isNotEmpty().allMatch(delay -> delay.compareTo(Duration.ofSeconds(30)) <= 0);
    }

    @Test
    void aFailedEventWaitsWhileOthersAreSent() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return requests.incrementAndGet() == 1
                        ? new MockResponse.Builder().code(503).build()
                        : new MockResponse.Builder().code(200).build();
            }
        });
        client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder()
                        .initialBackoff(Duration.ofMillis(300))
                        .jitter(0)
                        .build())
                .rateLimit(RateLimitOptions.disabled())
                .build();
        try (TrackSender sender = client.sender(
                TrackSenderOptions.builder().concurrency(1).listener(listener).build())) {
            sender.track(event(1));
            sender.track(event(2));
            sender.track(event(3));
            sender.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(listener.delivered).containsExactly("v-2", "v-3", "v-1");
    }

    @Test
    void closeRunsEveryCallbackWithinOneDeadline() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).build();
            }
        });
        client(1);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch firstCallback = new CountDownLatch(1);
        List<String> heard = new CopyOnWriteArrayList<>();
        TrackListener slow = new TrackListener() {
            @Override
            public void onDelivered(TrackEvent event) {
                if (heard.isEmpty()) {
                    heard.add(event.visitorId());
                    firstCallback.countDown();
                    try {
                        stuck.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                heard.add(event.visitorId());
            }
        };
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .closeTimeout(Duration.ofMillis(300))
                .listener(slow)
                .build());
        for (int i = 0; i < 50; i++) {
            sender.track(event(i));
        }
        sender.flush().get(10, TimeUnit.SECONDS);
        assertThat(firstCallback.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        sender.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(heard).hasSize(50).doesNotHaveDuplicates();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        stuck.countDown();
    }

    @Test
    void dropsAfterCloseReachTheListenerOnTheCallersThread() {
        client(1);
        TrackSender sender =
                client.sender(TrackSenderOptions.builder().listener(listener).build());
        sender.close();

        assertThat(sender.track(event(7))).isFalse();

        assertThat(listener.dropped).containsExactly("v-7");
        assertThat(listener.reasons).containsExactly(TrackListener.DropReason.SENDER_CLOSED);
        assertThat(listener.threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void optionsRejectNonsense() {
        TrackSenderOptions.Builder options = TrackSenderOptions.builder();
        assertThatThrownBy(() -> options.queueCapacity(0)).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> options.concurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> options.closeTimeout(Duration.ofSeconds(-1))).hasMessageContaining("closeTimeout");
    }

    @Test
    void optionsToBuilderKeepsEverySettingAndLeavesTheOriginalUntouched() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            TrackSenderOptions original = TrackSenderOptions.builder()
                    .queueCapacity(7)
                    .overflow(TrackSender.OverflowPolicy.THROW)
                    .blockTimeout(Duration.ofMillis(9))
                    .concurrency(3)
                    .closeTimeout(Duration.ofSeconds(2))
                    .maxAttempts(5)
                    .executor(executor)
                    .build();

            TrackSenderOptions derived = original.toBuilder().concurrency(1).build();

            assertThat(derived.concurrency()).isEqualTo(1);
            assertThat(original.concurrency()).isEqualTo(3);
            assertThat(derived.toBuilder().concurrency(3).build()).hasToString(original.toString());
            assertThat(derived.executor()).containsSame(executor);
        } finally {
            executor.shutdown();
        }
    }
}
