package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A {@code Retry-After} longer than the client will wait fails at once and says how long the server asked for. */
class RetryAfterTest {

    private final FaultServer server = new FaultServer();
    private final FakeTime time = new FakeTime();
    private PendoClient client;

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private void build(RetryOptions retry) {
        client = PendoClient.builder()
                .integrationKey("test-integration-key")
                .baseUrl(server.url())
                .retries(retry)
                .rateLimit(RateLimitOptions.disabled())
                .timeSource(time)
                .build();
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnceWithTheServersWait() {
        build(RetryOptions.builder().jitter(0).build());
        server.enqueue(FaultServer.respond(429, "{}", "Retry-After", "3600"));
        server.fallback(request -> FaultServer.respond(200, "[]"));

        assertThatThrownBy(() -> client.segments().list())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessageContaining("3600 s");
        assertThat(time.sleeps()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void waitingUpToTheCapCanBeChosenInstead() {
        build(RetryOptions.builder()
                .jitter(0)
                .maxRetryAfter(Duration.ofSeconds(60))
                .longRetryAfter(RetryOptions.LongRetryAfter.WAIT_CAP)
                .build());
        server.enqueue(FaultServer.respond(429, "{}", "Retry-After", "3600"));
        server.fallback(request -> FaultServer.respond(200, "[]"));

        assertThat(client.segments().list()).isEmpty();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void aRetryAfterWithinTheCapIsWaitedOut() {
        build(RetryOptions.builder().jitter(0).build());
        server.enqueue(FaultServer.respond(429, "{}", "Retry-After", "7"));
        server.fallback(request -> FaultServer.respond(200, "[]"));

        assertThat(client.segments().list()).isEmpty();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }
}
