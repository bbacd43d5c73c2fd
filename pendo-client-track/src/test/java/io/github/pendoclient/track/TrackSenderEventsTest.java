package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.event.AttemptEnded;
import io.github.pendoclient.event.CallEnded;
import io.github.pendoclient.event.Endpoint;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.RetryScheduled;
import io.github.pendoclient.event.TrackSenderEvent;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a {@link TrackSender} tells the client's {@link PendoEventListener}. */
class TrackSenderEventsTest {

    private static final String SECRET = "fake-sender-secret-1a2b3c";

    private final Recorder events = new Recorder();
    private MockWebServer server;
    private TrackClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder()
                        .initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(20))
                        .build())
                .rateLimit(RateLimitOptions.disabled())
                .eventListener(events)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static TrackEvent event(int i) {
        return TrackEvent.builder().event("Report Exported").visitorId("v-" + i).build();
    }

    @Test
    void aDeliveredEventIsCountedAndItsRetriedCallIsReportedUnderTheTrackTemplate() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        try (TrackSender sender = client.sender()) {
            sender.track(event(1));
            sender.flush().get(30, TimeUnit.SECONDS);
        }

        assertThat(events.sender).containsExactly("QUEUED none", "DELIVERED none");
        assertThat(events.calls)
                .containsExactly(
                        "started POST /data/track",
                        "attempt #1 503",
                        "retry #1 SERVER_ERROR",
                        "attempt #2 200",
                        "ended 2 200 none");
    }

    @Test
    void anEventPendoRefusesIsCountedAsFailedAndRejected() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).body("{}").build());

        try (TrackSender sender = client.sender()) {
            sender.track(event(1));
            sender.flush().get(30, TimeUnit.SECONDS);
        }

        assertThat(events.sender).containsExactly("QUEUED none", "FAILED rejected");
        assertThat(events.calls).last().isEqualTo("ended 1 400 InvalidRequestException");
    }

    @Test
    void anAtMostOnceEventWhoseAnswerWasLostIsCountedAsFailedWithAnUnknownOutcome() throws Exception {
        client.close();
        client = client.toBuilder().delivery(Delivery.AT_MOST_ONCE).build();
        server.enqueue(new MockResponse.Builder().code(503).build());

        try (TrackSender sender = client.sender()) {
            sender.track(event(1));
            sender.flush().get(30, TimeUnit.SECONDS);
        }

        assertThat(events.sender).containsExactly("QUEUED none", "FAILED outcome_unknown");
        assertThat(events.calls).last().isEqualTo("ended 1 503 OutcomeUnknownException");
    }

    @Test
    void droppedEventsAreCountedWithTheirReason() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(200).build();
            }
        });
        TrackSender sender = client.sender(TrackSenderOptions.builder()
                .concurrency(1)
                .queueCapacity(1)
                .overflow(TrackSender.OverflowPolicy.DROP_NEWEST)
                .build());
        sender.track(event(1));
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        sender.track(event(2)); // waits in the queue
        sender.track(event(3)); // the queue is full
        release.countDown();
        sender.close();
        sender.track(event(4)); // after close

        assertThat(events.sender)
                .containsExactlyInAnyOrder(
                        "QUEUED none",
                        "QUEUED none",
                        "DROPPED queue_full",
                        "DELIVERED none",
                        "DELIVERED none",
                        "DROPPED sender_closed");
    }

    /** Records the sender's events and the calls' events in short lines. */
    static final class Recorder implements PendoEventListener {
        final List<String> sender = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void trackSender(TrackSenderEvent event) {
            assertThat(event.count()).isEqualTo(1);
            sender.add(event.kind() + " " + event.reason());
        }

        @Override
        public void callStarted(Endpoint endpoint) {
            calls.add("started " + endpoint);
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            calls.add("attempt #" + event.attempt() + " " + event.statusCode());
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            calls.add("retry #" + event.failedAttempt() + " " + event.reason());
        }

        @Override
        public void callEnded(CallEnded event) {
            calls.add("ended " + event.attempts() + " " + event.statusCode() + " " + event.errorType());
        }
    }
}
