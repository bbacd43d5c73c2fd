package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.http.GET;

/** A body that is the JSON literal {@code null} where an object or a list is expected is unreadable, never null. */
class NullBodyTest {

    interface OwnApi {
        @GET("api/v1/custom/thing")
        Map<String, Object> thing();
    }

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

    static Stream<Arguments> callsExpectingAValue() {
        Map<String, Function<PendoClient, Object>> calls = new LinkedHashMap<>();
        calls.put("features().list()", client -> client.features().list());
        calls.put("pages().list()", client -> client.pages().list());
        calls.put("trackTypes().list()", client -> client.trackTypes().list());
        calls.put("guides().list()", client -> client.guides().list());
        calls.put("segments().list()", client -> client.segments().list());
        calls.put("reports().list()", client -> client.reports().list());
        calls.put("visitors().get()", client -> client.visitors().get("v1"));
        calls.put("accounts().get()", client -> client.accounts().get("a1"));
        calls.put("segments().get()", client -> client.segments().get("s1"));
        calls.put("bulkDelete().status()", client -> client.bulkDelete().status());
        calls.put("segments().create()", client -> client.segments().create("n", List.of("v1")));
        calls.put(
                "a method of the user's own interface",
                client -> client.create(OwnApi.class).thing());
        return calls.entrySet().stream().map(call -> Arguments.of(call.getKey(), call.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsExpectingAValue")
    void aNullBodyIsUnreadable(String name, Function<PendoClient, Object> call) {
        server.fallback(request -> FaultServer.respond(200, "null"));

        assertThatThrownBy(() -> call.apply(client))
                .isInstanceOfSatisfying(
                        UnreadableResponseException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$"))
                .hasMessageContaining("null");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aMetadataValueMayBeNullBecauseItsTypeIsAnyJsonValue() {
        server.fallback(request -> FaultServer.respond(200, "null"));

        assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", "v1", "tier"))
                .isNull();
    }

    @Test
    void aNullBodyFailsAnAsyncCallToo() {
        server.fallback(request -> FaultServer.respond(200, " null "));

        assertThat(client.segments().listAsync())
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(UnreadableResponseException.class);
    }
}
