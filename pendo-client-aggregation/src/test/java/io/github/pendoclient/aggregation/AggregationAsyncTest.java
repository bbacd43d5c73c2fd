package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.ManualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregation client's async twins: same answers and typed failures, retries on the timer. */
class AggregationAsyncTest {

    private static final Aggregation QUERY =
            Aggregation.builder().source(Source.visitors()).build();

    private final ManualTime time = new ManualTime();
    private MockWebServer server;
    private PendoClient client;
    private AggregationClient aggregations;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = PendoClient.builder()
                .integrationKey("test-integration-key")
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder().jitter(0).build())
                .rateLimit(RateLimitOptions.disabled())
                .timeSource(time)
                .build();
        aggregations = AggregationClient.create(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void respond(int code, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    @Test
    void openAsyncStreamsTheRowsOfTheResult() throws Exception {
        respond(200, "{\"startTime\":1700000000000,\"results\":[{\"visitorId\":\"v1\"},{\"visitorId\":\"v2\"}]}");

        try (AggregationResult<Map<String, Object>> result =
                aggregations.openAsync(QUERY).get(10, TimeUnit.SECONDS)) {
            assertThat(result.stream().map(row -> row.get("visitorId"))).containsExactly("v1", "v2");
        }
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/aggregation");
    }

    @Test
    void countAsyncReadsTheCount() throws Exception {
        respond(200, "{\"results\":[{\"count\":42}]}");

        assertThat(aggregations.countAsync(QUERY).get(10, TimeUnit.SECONDS)).isEqualTo(42L);
        assertThat(server.takeRequest().getBody().utf8()).contains("\"count\":null");
    }

    @Test
    void openAsyncFailsWithTheTypedError() throws Exception {
        respond(400, "{\"message\":\"bad pipeline\"}");

        CompletableFuture<AggregationResult<Map<String, Object>>> call = aggregations.openAsync(QUERY);

        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("completed normally");
        } catch (ExecutionException failed) {
            assertThat(failed.getCause()).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void aRetryOfAnAsyncCountWaitsOnTheTimerHoldingNoThread() throws Exception {
        respond(503, "{}");
        respond(200, "{\"results\":[{\"count\":7}]}");

        CompletableFuture<Long> count = aggregations.countAsync(QUERY);

        time.awaitPending(1);
        assertThat(time.pendingDelays()).isEqualTo(List.of(Duration.ofMillis(500)));
        assertThat(time.sleepers()).isZero();
        assertThat(count).isNotDone();

        time.advance(Duration.ofMillis(500));

        assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
