package io.github.pendoclient.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An error response's headers and request id reach the exception, with no credential in them. */
class ApiExceptionDetailsTest {

    private static final String KEY = "test-integration-key";

    private MockWebServer server;
    private PendoClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder().maxAttempts(1).build())
                .rateLimit(RateLimitOptions.disabled())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private NotFoundException notFoundWith(String... headers) {
        MockResponse.Builder response = new MockResponse.Builder().code(404).body("{}");
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(response.build());
        return catchThrowableOfType(
                NotFoundException.class, () -> client.segments().get("s1"));
    }

    @Test
    void theRequestIdHeaderBecomesTheRequestId() {
        NotFoundException failure = notFoundWith("X-Request-Id", "req-123");

        assertThat(failure.requestId()).contains("req-123");
        assertThat(failure.headers()).containsEntry("x-request-id", List.of("req-123"));
    }

    @Test
    void aResponseWithoutARequestIdHeaderHasNone() {
        assertThat(notFoundWith("X-Other", "1").requestId()).isEmpty();
    }

    @Test
    void aCredentialEchoedInAHeaderIsRedactedAndTheKeyHeaderLeftOut() {
        NotFoundException failure = notFoundWith("X-Debug", "key was " + KEY, "x-pendo-integration-key", KEY);

        assertThat(failure.headers()).doesNotContainKey("x-pendo-integration-key");
        assertThat(failure.headers().toString()).doesNotContain(KEY).contains("[redacted]");
    }

    @Test
    void theHeadersCannotBeChanged() {
        NotFoundException failure = notFoundWith("X-Request-Id", "req-1");

        assertThatThrownBy(() -> failure.headers().put("x", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void apiErrorCopiesTheHeadersItIsGiven() {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("x-request-id", List.of("a"));
        ApiError error = new ApiError("GET", "/p", 404, 1, null, "", null, headers);

        headers.put("x-request-id", List.of("b"));

        assertThat(error.headers()).containsEntry("x-request-id", List.of("a"));
    }

    @Test
    void everyFailedCallSharesOneBaseWithMethodPathAndAttempts() {
        List<PendoRequestException> failures = new ArrayList<>();
        failures.add(new PendoNetworkException("m", "GET", "/a", 3, new IOException("x")));
        failures.add(new UnreadableResponseException("m", "GET", "/a", 3, "$", null));
        failures.add(new OutcomeUnknownException("m", "GET", "/a", 3, "check", null));
        failures.add(new ServerException("m", new ApiError("GET", "/a", 503, 3, null, "", null)));

        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.method()).isEqualTo("GET");
            assertThat(failure.path()).isEqualTo("/a");
            assertThat(failure.attempts()).isEqualTo(3);
        });
    }
}
