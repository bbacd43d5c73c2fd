package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.CapturedLogs;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that closes idle keep-alive connections: stale pooled connections cost no backoff and no warning. */
class StaleConnectionTest {

    private final FaultServer server = new FaultServer().closeIdleConnections();
    private final FakeTime time = new FakeTime();
    private final PendoClient client = PendoClient.builder()
            .integrationKey("test-integration-key")
            .baseUrl(server.url())
            .retries(RetryOptions.builder().jitter(0).build())
            .rateLimit(RateLimitOptions.disabled())
            .timeSource(time)
            .build();

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void idempotentCallsOnAStaleConnectionAreRetriedAtOnceOnAFreshOne() {
        server.fallback(request -> FaultServer.respond(200, "[]"));

        for (int i = 0; i < 10; i++) {
            assertThat(client.segments().list()).isEmpty();
        }

        assertThat(time.sleeps()).isEmpty();
        assertThat(client.stats().retries()).isZero();
        assertThat(CapturedLogs.lines()).noneMatch(line -> line.startsWith("WARN"));
        assertThat(server.requestCount()).isEqualTo(10);
    }

    @Test
    void aWriteThatMayNotBeRepeatedNeverGoesOutOnAStaleConnection() {
        server.fallback(request -> request.method().equals("GET")
                ? FaultServer.respond(200, "[]")
                : FaultServer.respond(200, "{\"id\":\"seg-1\"}"));

        int succeeded = 0;
        for (int i = 0; i < 10; i++) {
            client.segments().list();
            client.segments().create("Pro users", List.of("v1"));
            succeeded++;
            client.segments().createAsync("Pro users", List.of("v1")).join();
        }

        assertThat(succeeded).isEqualTo(10);
        assertThat(server.requestLines())
                .filteredOn(line -> line.startsWith("POST"))
                .hasSize(20);
    }
}
