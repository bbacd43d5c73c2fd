package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Path ids that would change the path are refused before sending; reserved characters are encoded. */
class PathIdTest {

    private final FaultServer server = new FaultServer();
    private final PendoClient client = PendoClient.builder()
            .integrationKey("test-integration-key")
            .baseUrl(server.url())
            .rateLimit(RateLimitOptions.disabled())
            .timeSource(new FakeTime())
            .build();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentsAreRefusedBeforeSending(String id) {
        assertThatThrownBy(() -> client.visitors().get(id))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'" + id + "'")
                .hasMessageContaining("visitor id");
        assertThatThrownBy(() -> client.segments().delete(id)).isInstanceOf(InvalidRequestException.class);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void plusAndSemicolonArePercentEncoded() {
        server.fallback(request -> FaultServer.respond(200, "{\"visitorId\":\"a+b;c\"}"));

        client.visitors().get("a+b;c");

        assertThat(server.requestLines()).containsExactly("GET /api/v1/visitor/a%2Bb%3Bc");
    }
}
