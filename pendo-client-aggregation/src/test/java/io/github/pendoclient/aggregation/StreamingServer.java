package io.github.pendoclient.aggregation;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * A loopback server that answers with canned aggregation bodies, and an {@link AggregationClient} on it (one attempt,
 * no rate limit), for tests that stream a body as Pendo would send it.
 */
final class StreamingServer implements AutoCloseable {

    private final MockWebServer server;
    private final PendoClient client;
    private final AggregationClient aggregations;

    private StreamingServer(MockWebServer server) {
        this.server = server;
        this.client = PendoClient.builder()
                .integrationKey("test-integration-key")
                .baseUrl(server.url("/").toString())
                .aggregationTimeout(Duration.ofSeconds(10))
                .retries(RetryOptions.builder().maxAttempts(1).build())
                .rateLimit(RateLimitOptions.disabled())
                .build();
        this.aggregations = AggregationClient.create(client);
    }

    static StreamingServer start() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start();
        return new StreamingServer(server);
    }

    AggregationClient aggregations() {
        return aggregations;
    }

    /** Answers the next request with this JSON body. */
    void respond(String json) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.close();
    }
}
