package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.event.AggregationEnded;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregation client tells the client's event listener how each streamed result ended. */
class AggregationEventsTest {

    private final List<AggregationEnded> events = new CopyOnWriteArrayList<>();
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
                .aggregationTimeout(Duration.ofSeconds(10))
                .retries(RetryOptions.builder().maxAttempts(1).build())
                .rateLimit(RateLimitOptions.disabled())
                .eventListener(new PendoEventListener() {
                    @Override
                    public void aggregationEnded(AggregationEnded event) {
                        events.add(event);
                    }
                })
                .build();
        aggregations = AggregationClient.create(client);
    }

    @AfterEach
    void stop() throws IOException {
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
    void aResultReadToItsEndReportsItsSourceAndRowCountOnce() {
        respond(200, "{\"startTime\": 1, \"results\": [{\"visitorId\": \"a\"}, {\"visitorId\": \"b\"}]}");

        try (Stream<?> rows = aggregations.stream(Queries.allVisitors())) {
            assertThat(rows.count()).isEqualTo(2);
        }

        assertThat(events).hasSize(1);
        assertThat(events.get(0).source()).isEqualTo("visitors");
        assertThat(events.get(0).rows()).isEqualTo(2);
        assertThat(events.get(0).succeeded()).isTrue();
    }

    @Test
    void aResultThatBreaksOffReportsAFailureWithTheRowsRead() {
        respond(200, "{\"results\": [{\"visitorId\": \"a\"}, {\"visitorId\":");

        assertThatThrownBy(() -> {
                    try (Stream<?> rows = aggregations.stream(Queries.allVisitors())) {
                        rows.count();
                    }
                })
                .isInstanceOf(IncompleteResultException.class);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.rows()).isEqualTo(1);
            assertThat(event.succeeded()).isFalse();
        });
    }

    @Test
    void aRequestPendoRefusesReportsAFailureWithNoRows() {
        respond(400, "{\"error\": \"bad pipeline\"}");

        assertThatThrownBy(() -> aggregations.open(Queries.allVisitors())).isInstanceOf(RuntimeException.class);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("visitors");
            assertThat(event.rows()).isZero();
            assertThat(event.succeeded()).isFalse();
        });
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheRead() {
        client.close();
        client = client.toBuilder()
                .eventListener(new PendoEventListener() {
                    @Override
                    public void aggregationEnded(AggregationEnded event) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .build();
        aggregations = AggregationClient.create(client);
        respond(200, "{\"results\": [{\"visitorId\": \"a\"}]}");

        try (Stream<?> rows = aggregations.stream(Queries.allVisitors())) {
            assertThat(rows.count()).isEqualTo(1);
        }
    }
}
