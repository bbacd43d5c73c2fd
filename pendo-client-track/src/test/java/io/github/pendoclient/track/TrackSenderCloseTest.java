package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link TrackSender#close()} does with events that wait or are in flight when it is called. */
class TrackSenderCloseTest {

    private static final String SECRET = "fake-close-secret-9z8y7x";

    private final ManualTime time = new ManualTime();
    private final TrackSenderTest.RecordingListener listener = new TrackSenderTest.RecordingListener();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private MockWebServer server;
    private TrackClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        time.advance(Duration.ofDays(1));
        if (client != null) {
            client.close();
        }
        server.close();
    }

    /** A client on the manual clock whose backoff is an hour, far beyond any close timeout. */
    private TrackClient client(int maxAttempts) {
        client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder()
                        .maxAttempts(maxAttempts)
                        .initialBackoff(Duration.ofHours(1))
                        .maxBackoff(Duration.ofHours(1))
                        .jitter(0)
                        .maxRetryAfter(Duration.ofSeconds(30))
                        .build())
                .rateLimit(RateLimitOptions.disabled())
                .timeSource(time)
                .build();
        return client;
    }

    private static TrackEvent event(int i) {
        return TrackEvent.builder().event("Report Exported").visitorId("v-" + i).build();
    }

    /** Answers each request in turn with the given responses, then 200. */
    private void answer(MockResponse... responses) {
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int i = n.getAndIncrement();
                return i < responses.length
                        ? responses[i]
                        : new MockResponse.Builder().code(200).build();
            }
        });
    }

    /** Holds every request until the test ends: the events stay in flight; {@link #requestArrived} opens at the first. */
    private void holdEveryRequest(List<String> received) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                received.add(TrackSenderTest.visitorOf(request));
                requestArrived.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).build();
            }
        });
    }

    @Test
    void closeRetriesAnEventWaitingOnItsBackoffAtOnce() throws Exception {
        answer(new MockResponse.Builder().code(503).build());
        client(5);
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .closeTimeout(Duration.ofSeconds(10))
                .listener(listener)
                .build());
        sender.track(event(1));
        time.awaitPending(1); // the retry's timer: it is counted before its timer is set
        assertThat(sender.stats().retried()).isEqualTo(1);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(sender::close);

        // The clock stands still: only an immediate retry lets close() finish, the hour of backoff never passes.
        closing.get(10, TimeUnit.SECONDS);
        assertThat(listener.delivered).containsExactly("v-1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void closeStillHonoursRetryAfter() throws Exception {
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                sentAt.add(time.nanoTime());
                return n.getAndIncrement() == 0
                        ? new MockResponse.Builder()
                                .code(503)
                                .addHeader("Retry-After", "5")
                                .build()
                        : new MockResponse.Builder().code(200).build();
            }
        });
        client(5);
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .closeTimeout(Duration.ofSeconds(10))
                .listener(listener)
                .build());
        sender.track(event(1));
        time.awaitPending(1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(sender::close);
        time.awaitPending(2);

        time.advance(Duration.ofSeconds(5));

        closing.get(10, TimeUnit.SECONDS);
        assertThat(listener.delivered).containsExactly("v-1");
        assertThat(sentAt).hasSize(2);
        assertThat(Duration.ofNanos(sentAt.get(1) - sentAt.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anEventInFlightAtTheDeadlineIsReportedAsOutcomeUnknown() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        holdEveryRequest(received);
        client(5);
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .concurrency(1)
                .closeTimeout(Duration.ofSeconds(10))
                .listener(listener)
                .build());
        sender.track(event(1));
        assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received).containsExactly("v-1");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(sender::close);
        time.awaitPending(1);

        time.advance(Duration.ofSeconds(10));

        closing.get(10, TimeUnit.SECONDS);
        assertThat(listener.failed).containsExactly("v-1");
        assertThat(listener.failures.get(0))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("may have been delivered")
                .hasMessageContaining("twice")
                .hasMessageNotContaining("send it again")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anEventThatMayHaveReachedPendoBeforeItsAttemptsRanOutIsOutcomeUnknown() throws Exception {
        answer(
                new MockResponse.Builder().code(503).build(),
                new MockResponse.Builder().code(429).build());
        client(2);
        try (TrackSender sender = client.sender(
                TrackSenderOptions.builder().maxAttempts(2).listener(listener).build())) {
            sender.track(event(1));
            time.awaitPending(1);
            time.advance(Duration.ofHours(1));
            sender.flush().get(10, TimeUnit.SECONDS);
        }
        // The last answer was a 429, but the 503 before it does not prove Pendo did not record the event.
        assertThat(listener.failures)
                .singleElement()
                .isInstanceOfSatisfying(
                        OutcomeUnknownException.class,
                        e -> assertThat(e).hasCauseInstanceOf(RateLimitedException.class));
    }

    @Test
    void anEventOnlyEverRateLimitedIsNotOutcomeUnknown() throws Exception {
        answer(
                new MockResponse.Builder().code(429).build(),
                new MockResponse.Builder().code(429).build());
        client(2);
        try (TrackSender sender = client.sender(
                TrackSenderOptions.builder().maxAttempts(2).listener(listener).build())) {
            sender.track(event(1));
            time.awaitPending(1);
            time.advance(Duration.ofHours(1));
            sender.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(listener.failures)
                .singleElement()
                .isInstanceOf(RateLimitedException.class)
                .isNotInstanceOf(OutcomeUnknownException.class);
    }

    @Test
    void anEventDeliveredAfterAnAttemptThatMayHaveReachedPendoIsReportedAsAPossibleDuplicate() throws Exception {
        answer(new MockResponse.Builder().code(503).build());
        client(5);
        try (TrackSender sender =
                client.sender(TrackSenderOptions.builder().listener(listener).build())) {
            sender.track(event(1));
            time.awaitPending(1);
            time.advance(Duration.ofHours(1));
            sender.flush().get(10, TimeUnit.SECONDS);
            assertThat(sender.stats().delivered()).isEqualTo(1);
            assertThat(sender.stats().possibleDuplicates()).isEqualTo(1);
        }
        assertThat(listener.delivered).containsExactly("v-1");
        assertThat(listener.possibleDuplicates).containsExactly("v-1");
    }

    @Test
    void anEventNeverSentBeforeTheDeadlineIsReportedAsNotProcessed() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        holdEveryRequest(received);
        client(5);
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .concurrency(1)
                .closeTimeout(Duration.ofSeconds(10))
                .listener(listener)
                .build());
        sender.track(event(1));
        sender.track(event(2));
        assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received).containsExactly("v-1");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(sender::close);
        time.awaitPending(1);

        time.advance(Duration.ofSeconds(10));

        closing.get(10, TimeUnit.SECONDS);
        assertThat(listener.failed).containsExactlyInAnyOrder("v-1", "v-2");
        PendoException notSent = listener.failures.get(listener.failed.indexOf("v-2"));
        assertThat(notSent).isInstanceOf(TrackSenderClosedException.class).hasMessageContaining("has not processed it");
        assertThat(received).containsExactly("v-1");
    }
}
