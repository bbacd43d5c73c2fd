package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.RedirectNotFollowedException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The track client runs on core's stack: its shared secret never follows a redirect to another host, and an event
 * sent at most once is not sent again after a 503, with or without {@code Retry-After}.
 */
class TrackRedirectAndWriteSafetyTest {

    private final MockWebServer dataHost = new MockWebServer();
    private final MockWebServer other = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        dataHost.start(InetAddress.getLoopbackAddress(), 0);
        other.start(InetAddress.getLoopbackAddress(), 0);
        other.enqueue(new MockResponse.Builder().code(200).build());
    }

    @AfterEach
    void stop() {
        dataHost.close();
        other.close();
    }

    private TrackClient client(Delivery delivery) {
        return TrackClient.builder()
                .sharedSecret(TrackClientTest.SECRET)
                .baseUrl(dataHost.url("/").toString())
                .retries(RetryOptions.builder()
                        .initialBackoff(Duration.ofMillis(1))
                        .jitter(0)
                        .build())
                .rateLimit(RateLimitOptions.disabled())
                .delivery(delivery)
                .build();
    }

    private static TrackEvent event() {
        return TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-42")
                .accountId("acme")
                .build();
    }

    private String elsewhere() {
        return other.url("/data/track").toString();
    }

    @Test
    void a307ToAnotherHostIsNotFollowedAndTheSecretStaysHome() {
        dataHost.enqueue(new MockResponse.Builder()
                .code(307)
                .addHeader("Location", elsewhere())
                .build());

        try (TrackClient client = client(Delivery.AT_LEAST_ONCE)) {
            assertThatThrownBy(() -> client.send(event()))
                    .isInstanceOfSatisfying(
                            RedirectNotFollowedException.class,
                            e -> assertThat(e.location()).contains(elsewhere()))
                    .hasMessageContaining("HTTP 307")
                    .hasMessageNotContaining(TrackClientTest.SECRET);
        }
        assertThat(dataHost.getRequestCount()).isEqualTo(1);
        assertThat(other.getRequestCount()).isZero();
    }

    @Test
    void a307ToAnotherHostOfAnEventSentAtMostOnceIsAnUnknownOutcome() {
        dataHost.enqueue(new MockResponse.Builder()
                .code(307)
                .addHeader("Location", elsewhere())
                .build());

        try (TrackClient client = client(Delivery.AT_MOST_ONCE)) {
            assertThatThrownBy(() -> client.send(event()))
                    .isInstanceOf(OutcomeUnknownException.class)
                    .hasMessageContaining(elsewhere());
        }
        assertThat(other.getRequestCount()).isZero();
    }

    @Test
    void anEventSentAtMostOnceIsNotSentAgainAfterA503WithRetryAfter() {
        dataHost.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "1")
                .build());
        dataHost.enqueue(new MockResponse.Builder().code(200).build());

        try (TrackClient client = client(Delivery.AT_MOST_ONCE)) {
            assertThatThrownBy(() -> client.send(event())).isInstanceOf(OutcomeUnknownException.class);
        }
        assertThat(dataHost.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAsyncEventSentAtMostOnceIsNotSentAgainAfterA503WithRetryAfter() {
        dataHost.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "1")
                .build());
        dataHost.enqueue(new MockResponse.Builder().code(200).build());

        try (TrackClient client = client(Delivery.AT_MOST_ONCE)) {
            assertThat(client.sendAsync(event()))
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(OutcomeUnknownException.class);
        }
        assertThat(dataHost.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theSenderDoesNotSendAnAtMostOnceEventAgainAfterA503WithRetryAfter() {
        dataHost.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "1")
                .build());
        dataHost.enqueue(new MockResponse.Builder().code(200).build());
        CompletableFuture<PendoException> outcome = new CompletableFuture<>();
        TrackListener listener = new TrackListener() {
            @Override
            public void onDelivered(TrackEvent event) {
                outcome.complete(null);
            }

            @Override
            public void onFailed(TrackEvent event, PendoException failure) {
                outcome.complete(failure);
            }
        };

        try (TrackClient client = client(Delivery.AT_MOST_ONCE);
                TrackSender sender = client.sender(
                        TrackSenderOptions.builder().listener(listener).build())) {
            sender.track(event());
            assertThat(outcome).succeedsWithin(Duration.ofSeconds(10)).isInstanceOf(OutcomeUnknownException.class);
        }
        assertThat(dataHost.getRequestCount()).isEqualTo(1);
    }
}
