package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.http.Body;
import retrofit2.http.POST;

/**
 * A 5xx does not prove that a write was not processed, even with {@code Retry-After}: a write that may not be
 * repeated is sent once and reported as an unknown outcome, and only a 429 or a refused connection is sent again.
 */
class UnprovenRefusalTest {

    interface OwnApi {
        @POST("api/v1/custom/write")
        Map<String, Object> write(@Body Map<String, Object> body);
    }

    private static final String SEGMENT = "{\"id\":\"seg-1\",\"name\":\"Pro users\"}";
    private static final String JOB = "{\"id\":\"bd-1\",\"status\":\"queued\",\"kind\":\"visitor\"}";

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

    record Write(String name, String successBody, Consumer<PendoClient> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Write> writes() {
        return List.of(
                new Write(
                        "segments().create",
                        SEGMENT,
                        client -> client.segments().create("Pro users", List.of("v1"))),
                new Write(
                        "segments().createAsync",
                        SEGMENT,
                        client -> join(client.segments().createAsync("Pro users", List.of("v1")))),
                new Write(
                        "bulkDelete().visitors",
                        JOB,
                        client -> client.bulkDelete().visitors(List.of("v1"))),
                new Write(
                        "bulkDelete().accounts",
                        JOB,
                        client -> client.bulkDelete().accounts(List.of("a1"))),
                new Write(
                        "an unmarked POST of the user's own interface",
                        "{}",
                        client -> client.create(OwnApi.class).write(Map.of("a", 1))));
    }

    enum Answer {
        HTTP_503_WITH_RETRY_AFTER,
        HTTP_503_WITH_RETRY_AFTER_ABOVE_THE_CAP,
        HTTP_503,
        HTTP_502,
        HTTP_504,
        HTTP_500;

        FaultServer.Action action() {
            return switch (this) {
                case HTTP_503_WITH_RETRY_AFTER -> FaultServer.respond(503, "{}", "Retry-After", "1");
                case HTTP_503_WITH_RETRY_AFTER_ABOVE_THE_CAP -> FaultServer.respond(503, "{}", "Retry-After", "3600");
                case HTTP_503 -> FaultServer.respond(503, "{}");
                case HTTP_502 -> FaultServer.respond(502, "{}");
                case HTTP_504 -> FaultServer.respond(504, "{}");
                case HTTP_500 -> FaultServer.respond(500, "{}");
            };
        }
    }

    static Stream<Arguments> writesAndAnswers() {
        return writes().stream()
                .flatMap(write -> Stream.of(Answer.values()).map(answer -> Arguments.of(write, answer)));
    }

    static Stream<Write> allWrites() {
        return writes().stream();
    }

    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("writesAndAnswers")
    void aServerErrorAfterAWriteIsAnUnknownOutcomeAndTheWriteIsSentOnce(Write write, Answer answer) {
        server.enqueue(answer.action());
        server.fallback(request -> FaultServer.respond(200, write.successBody()));

        assertThatThrownBy(() -> write.call().accept(client))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("may or may not have been applied")
                .hasMessageContaining("HTTP " + answer.name().substring(5, 8));
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allWrites")
    void a429IsTheOneAnswerAfterWhichAWriteIsSentAgain(Write write) {
        server.enqueue(FaultServer.respond(429, "{}", "Retry-After", "1"));
        server.fallback(request -> FaultServer.respond(200, write.successBody()));

        write.call().accept(client);

        assertThat(server.requestCount()).isEqualTo(2);
    }
}
