package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body that claims {@code Content-Encoding: gzip} but is not gzip is an unreadable response, said so, and not
 * retried as a network failure.
 */
class ContentEncodingTest {

    private final FaultServer server = new FaultServer();
    private final FakeTime time = new FakeTime();
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

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"[]", "[{\"id\":\"seg-1\",\"name\":\"a segment with a longer name\"}]"})
    void aBodyThatIsNotGzipIsUnreadableAfterOneRequest(String body) {
        server.fallback(request -> FaultServer.respond(200, body, "Content-Encoding", "gzip"));

        assertThatThrownBy(() -> client.segments().list())
                .isInstanceOf(UnreadableResponseException.class)
                .hasMessageContaining("Content-Encoding: gzip")
                .hasMessageContaining("could not be decoded");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void anAsyncCallFailsTheSameWay() {
        server.fallback(request -> FaultServer.respond(200, "[]", "Content-Encoding", "gzip"));

        assertThat(client.segments().listAsync())
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(UnreadableResponseException.class)
                .withMessageContaining("could not be decoded");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aWriteWhoseAnswerCannotBeDecodedWasAppliedAndIsUnreadableNotUnknown() {
        server.fallback(request -> FaultServer.respond(200, "{\"id\":\"seg-1\"}", "Content-Encoding", "gzip"));

        assertThatThrownBy(() -> client.segments().create("n", List.of("v1")))
                .isInstanceOf(UnreadableResponseException.class)
                .hasMessageContaining("could not be decoded");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anErrorStatusWithAnUndecodableBodyKeepsItsStatus() {
        server.enqueue(FaultServer.respond(503, "{}", "Content-Encoding", "gzip"));
        server.fallback(request -> FaultServer.respond(200, "[]"));

        assertThat(client.segments().list()).isEmpty();
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aRealGzipBodyIsStillDecoded() {
        byte[] gzip = gzip("[{\"id\":\"seg-1\",\"name\":\"n\"}]");
        server.fallback(request -> (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                            + "Content-Length: " + gzip.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(gzip);
            out.flush();
            return true;
        });

        assertThat(client.segments().list()).hasSize(1);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
