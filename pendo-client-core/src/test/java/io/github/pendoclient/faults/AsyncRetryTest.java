package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.model.Segment;
import io.github.pendoclient.testsupport.FaultServer;
import io.github.pendoclient.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asynchronous calls wait for their retries on a timer, holding neither a thread nor a dispatcher slot. */
class AsyncRetryTest {

    private final FaultServer server = new FaultServer();
    private final ManualTime time = new ManualTime();
    private final PendoClient client = PendoClient.builder()
            .integrationKey("test-integration-key")
            .baseUrl(server.url())
            .retries(RetryOptions.builder().jitter(0).build())
            .rateLimit(RateLimitOptions.disabled())
            .timeSource(time)
            .build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void twentyCallsWaitingToRetryHoldNoDispatcherSlot() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        server.fallback(request ->
                seen.incrementAndGet() <= 20 ? FaultServer.respond(503, "{}") : FaultServer.respond(200, "[]"));

        List<CompletableFuture<List<Segment>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(client.segments().listAsync());
        }

        // OkHttp runs 5 calls per host at once: all 20 first attempts only arrive if waiting calls free their slot.
        time.awaitPending(20);
        assertThat(server.requestCount()).isEqualTo(20);
        assertThat(time.pendingDelays()).hasSize(20).containsOnly(Duration.ofMillis(500));
        assertThat(time.sleepers()).isZero();
        assertThat(calls).noneMatch(CompletableFuture::isDone);

        time.advance(Duration.ofMillis(500));

        for (CompletableFuture<List<Segment>> call : calls) {
            assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(server.requestCount()).isEqualTo(40);
        assertThat(client.stats().retries()).isEqualTo(20);
    }

    @Test
    void anAsyncRetryAfterIsWaitedOnTheTimer() throws Exception {
        server.enqueue(FaultServer.respond(429, "{}", "Retry-After", "7"));
        server.fallback(request -> FaultServer.respond(200, "[]"));

        CompletableFuture<List<Segment>> call = client.segments().listAsync();

        time.awaitPending(1);
        assertThat(time.pendingDelays()).containsExactly(Duration.ofSeconds(7));
        time.advance(Duration.ofSeconds(7));
        assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        assertThat(Collections.singletonList(server.requestCount())).containsExactly(2);
    }

    @Test
    void cancellingAWaitingCallCancelsItsRetry() throws Exception {
        server.fallback(request -> FaultServer.respond(503, "{}"));

        CompletableFuture<List<Segment>> call = client.segments().listAsync();
        time.awaitPending(1);
        call.cancel(true);
        time.advance(Duration.ofMinutes(5));

        assertThat(server.requestCount()).isEqualTo(1);
    }
}
