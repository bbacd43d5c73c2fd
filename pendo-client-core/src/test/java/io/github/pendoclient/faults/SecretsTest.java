package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.testsupport.CapturedLogs;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that echoes the key cannot make it reachable through any object or text the client hands out. */
class SecretsTest {

    private static final String KEY = "test-integration-key-echoed";

    private final FaultServer server = new FaultServer();
    private final PendoClient client = PendoClient.builder()
            .integrationKey(KEY)
            .baseUrl(server.url())
            .retries(RetryOptions.disabled())
            .rateLimit(RateLimitOptions.disabled())
            .timeSource(new FakeTime())
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

    private static String everything(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void anEchoedKeyInAnErrorBodyIsRedactedEverywhere() {
        server.fallback(request -> FaultServer.respond(
                400, "{\"overall\":\"bad key " + KEY + "\",\"fields\":{\"" + KEY + "\":[\"" + KEY + "\"]}}"));

        assertThatThrownBy(() -> client.segments().list()).isInstanceOfSatisfying(PendoApiException.class, e -> {
            assertThat(everything(e)).doesNotContain(KEY);
            assertThat(e.rawBody()).doesNotContain(KEY);
            assertThat(String.valueOf(e.errorBody().orElseThrow()))
                    .doesNotContain(KEY)
                    .contains("[redacted]");
            assertThat(String.valueOf(e.error())).doesNotContain(KEY);
        });
        assertThat(CapturedLogs.lines()).noneMatch(line -> line.contains(KEY));
    }

    @Test
    void anEchoedKeyInAMalformedBodyIsRedacted() {
        server.fallback(request -> FaultServer.respond(200, "[{\"id\": " + KEY + "}]"));

        assertThatThrownBy(() -> client.segments().list())
                .isInstanceOfSatisfying(
                        UnreadableResponseException.class,
                        e -> assertThat(everything(e)).doesNotContain(KEY));
    }

    @Test
    void responsesHandedOutDoNotCarryTheCredentialHeader() {
        server.fallback(request -> FaultServer.respond(200, "{}"));

        Request request = new Request.Builder()
                .url(CoreAccess.view(client, PendoHttp.class).url("api/v1/segment"))
                .get()
                .build();
        try (Response response = CoreAccess.view(client, PendoHttp.class).execute(request)) {
            assertThat(response.request().header("x-pendo-integration-key")).isNull();
            assertThat(response.toString()).doesNotContain(KEY);
            assertThat(response.networkResponse()).isNull();
            assertThat(response.priorResponse()).isNull();
        }
        assertThat(server.requests().get(0).headers()).containsEntry("x-pendo-integration-key", KEY);
    }
}
