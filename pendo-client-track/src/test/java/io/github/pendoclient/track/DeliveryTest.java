package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Track events are at least once by default, and at most once on request, when the answer is lost. */
class DeliveryTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TrackClient client(Delivery delivery) {
        return TrackClient.builder()
                .sharedSecret(TrackClientTest.SECRET)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder()
                        .initialBackoff(Duration.ofMillis(1))
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

    private void loseTheFirstAnswer() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(new MockResponse.Builder().code(200).build());
    }

    @Test
    void byDefaultAnEventWhoseAnswerWasLostIsSentAgain() {
        loseTheFirstAnswer();
        try (TrackClient client = client(Delivery.AT_LEAST_ONCE)) {
            client.send(event());
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void atMostOnceReportsTheUnknownOutcomeAndSendsOnce() {
        loseTheFirstAnswer();
        try (TrackClient client = client(Delivery.AT_MOST_ONCE)) {
            assertThatThrownBy(() -> client.send(event()))
                    .isInstanceOfSatisfying(
                            OutcomeUnknownException.class,
                            e -> assertThat(e.path()).isEqualTo("/data/track"))
                    .hasMessageNotContaining(TrackClientTest.SECRET);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
