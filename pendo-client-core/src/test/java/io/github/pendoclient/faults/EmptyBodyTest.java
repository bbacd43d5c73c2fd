package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A 200 or 204 without a body where a body is expected is an unreadable response, never {@code null}. */
class EmptyBodyTest {

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

    static Stream<Arguments> callsExpectingABody() {
        Map<String, Function<PendoClient, Object>> calls = new java.util.LinkedHashMap<>();
        calls.put("features().list()", client -> client.features().list());
        calls.put("pages().list()", client -> client.pages().list());
        calls.put("trackTypes().list()", client -> client.trackTypes().list());
        calls.put("guides().list()", client -> client.guides().list());
        calls.put("visitors().get()", client -> client.visitors().get("v1"));
        calls.put("accounts().get()", client -> client.accounts().get("a1"));
        calls.put("segments().list()", client -> client.segments().list());
        calls.put("segments().get()", client -> client.segments().get("s1"));
        calls.put("segments().create()", client -> client.segments().create("n", List.of("v1")));
        calls.put("reports().list()", client -> client.reports().list());
        calls.put("reports().results()", client -> client.reports().results("r1"));
        calls.put("metadata().schema()", client -> client.metadata().schema(MetadataKind.VISITOR));
        calls.put("bulkDelete().status()", client -> client.bulkDelete().status());
        calls.put("bulkDelete().visitors()", client -> client.bulkDelete().visitors(List.of("v1")));
        calls.put(
                "metadata().bulkUpdate()",
                client -> client.metadata()
                        .bulkUpdate(
                                MetadataKind.VISITOR,
                                "custom",
                                List.of(new MetadataRow("v1", Map.of("tier", "gold")))));
        return calls.entrySet().stream()
                .flatMap(call ->
                        Stream.of(200, 204).map(status -> Arguments.of(call.getKey(), status, call.getValue())));
    }

    @ParameterizedTest(name = "{0} answered {1} without a body")
    @MethodSource("callsExpectingABody")
    void anAbsentBodyIsUnreadable(String name, int status, Function<PendoClient, Object> call) {
        server.fallback(request -> FaultServer.respond(status, ""));

        assertThatThrownBy(() -> call.apply(client))
                .isInstanceOf(UnreadableResponseException.class)
                .hasMessageContaining("no body");
    }

    @Test
    void anAbsentBodyFailsAnAsyncCallToo() {
        server.fallback(request -> FaultServer.respond(200, ""));

        assertThat(client.segments().listAsync())
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(UnreadableResponseException.class);
    }

    @Test
    void callsWithoutABodyStillSucceedOnAnEmptyAnswer() {
        server.fallback(request -> FaultServer.respond(200, ""));

        client.segments().addVisitor("s1", "v1");
        client.metadata().set(MetadataKind.VISITOR, "custom", "v1", "tier", "gold");

        assertThat(server.requestCount()).isEqualTo(2);
    }
}
