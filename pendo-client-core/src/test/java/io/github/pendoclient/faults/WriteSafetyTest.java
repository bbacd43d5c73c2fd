package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each write against each point where the answer is lost after the server read the whole request: a write that may
 * not be repeated is sent once and reported as an unknown outcome; a write that may be repeated is retried and has
 * exactly one effect.
 */
class WriteSafetyTest {

    private static final String SEGMENT = "{\"id\":\"seg-1\",\"name\":\"Pro users\"}";
    private static final String JOB = "{\"id\":\"bd-1\",\"status\":\"queued\",\"kind\":\"visitor\"}";
    private static final String BULK = "{\"total\":1,\"updated\":1,\"failed\":0,\"missing\":[],\"errors\":[]}";

    private final FaultServer server = new FaultServer();
    private final FakeTime time = new FakeTime();
    private final PendoClient client = PendoClient.builder()
            .integrationKey("test-integration-key")
            .baseUrl(server.url())
            .retries(RetryOptions.builder().jitter(0).build())
            .rateLimit(RateLimitOptions.disabled())
            .timeSource(time)
            .build();
    /** What the server has applied: one entry per distinct request, so repeats of an idempotent write add none. */
    private final Set<String> effects = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    enum FailurePoint {
        RESET_BEFORE_ANSWER,
        FIN_BEFORE_ANSWER,
        RESET_MID_BODY,
        TRUNCATED_200,
        HTTP_500,
        HTTP_502,
        HTTP_504;

        FaultServer.Action action(String successBody) {
            return switch (this) {
                case RESET_BEFORE_ANSWER -> FaultServer.resetBeforeAnswer();
                case FIN_BEFORE_ANSWER -> FaultServer.finBeforeAnswer();
                case RESET_MID_BODY -> FaultServer.resetMidBody(successBody);
                case TRUNCATED_200 -> FaultServer.truncated200(successBody);
                case HTTP_500 -> FaultServer.respond(500, "{}");
                case HTTP_502 -> FaultServer.respond(502, "{}");
                case HTTP_504 -> FaultServer.respond(504, "{}");
            };
        }
    }

    record Write(String name, String successBody, String check, Consumer<PendoClient> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> nonIdempotentWrites() {
        List<Write> writes = List.of(
                new Write(
                        "segments().create",
                        SEGMENT,
                        "segments().list()",
                        client -> client.segments().create("Pro users", List.of("v1", "v2"))),
                new Write(
                        "bulkDelete().visitors",
                        JOB,
                        "bulkDelete().status()",
                        client -> client.bulkDelete().visitors(List.of("v1"))));
        return writes.stream()
                .flatMap(write -> Stream.of(FailurePoint.values()).map(point -> Arguments.of(write, point)));
    }

    static Stream<Arguments> idempotentWrites() {
        List<Write> writes = List.of(
                new Write(
                        "metadata().bulkUpdate",
                        BULK,
                        null,
                        client -> assertThat(client.metadata()
                                        .bulkUpdate(
                                                MetadataKind.VISITOR,
                                                "custom",
                                                List.of(new MetadataRow("v1", Map.of("tier", "gold"))))
                                        .updated())
                                .isEqualTo(1)),
                new Write(
                        "metadata().set",
                        "",
                        null,
                        client -> client.metadata().set(MetadataKind.VISITOR, "custom", "v1", "tier", "gold")),
                new Write(
                        "segments().addVisitor",
                        "",
                        null,
                        client -> client.segments().addVisitor("seg-1", "v1")),
                new Write(
                        "segments().replace",
                        "",
                        null,
                        client -> client.segments().replace("seg-1", "Pro users", List.of("v1"))),
                new Write(
                        "segments().delete",
                        "",
                        null,
                        client -> client.segments().delete("seg-1")));
        return writes.stream()
                .flatMap(write -> Stream.of(FailurePoint.values()).map(point -> Arguments.of(write, point)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("nonIdempotentWrites")
    void aWriteThatMayNotBeRepeatedIsSentOnceAndReportedAsUnknown(Write write, FailurePoint point) {
        server.enqueue(point.action(write.successBody()));
        server.fallback(request -> FaultServer.respond(200, write.successBody()));

        assertThatThrownBy(() -> write.call().accept(client))
                .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.whatToCheck()).contains(write.check());
                })
                .hasMessageContaining("may or may not have been applied")
                .hasMessageContaining(write.check());
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("idempotentWrites")
    void aWriteThatMayBeRepeatedIsRetriedWithExactlyOneEffect(Write write, FailurePoint point) {
        server.fallback(
                request -> FaultServer.respond(200, write.successBody().isEmpty() ? "{}" : write.successBody()));
        server.enqueue(point.action(write.successBody().isEmpty() ? "{\"ok\":true}" : write.successBody()));

        write.call().accept(client);

        server.requests()
                .forEach(request -> effects.add(request.method() + " " + request.path() + " " + request.body()));
        assertThat(server.requestCount()).isGreaterThanOrEqualTo(2);
        assertThat(effects).hasSize(1);
    }
}
