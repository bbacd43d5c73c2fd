package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.api.Idempotent;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.FakeTime;
import io.github.pendoclient.testsupport.FaultServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** Users' own Retrofit interfaces run on the client's stack with its retries, idempotency and typed errors. */
class UserInterfaceTest {

    interface MyApi {
        @GET("api/v1/visitor/{id}")
        Map<String, Object> visitor(@Path("id") String id);

        @GET("api/v1/visitor/{id}")
        CompletableFuture<Map<String, Object>> visitorAsync(@Path("id") String id);

        @POST("api/v1/custom/write")
        Map<String, Object> write(@Body Map<String, Object> body);

        @Idempotent
        @POST("api/v1/custom/upsert")
        Map<String, Object> upsert(@Body Map<String, Object> body);
    }

    private final FaultServer server = new FaultServer();
    private final FakeTime time = new FakeTime();
    private final PendoClient client = PendoClient.builder()
            .integrationKey("test-integration-key")
            .baseUrl(server.url())
            .retries(RetryOptions.builder().jitter(0).build())
            .rateLimit(RateLimitOptions.disabled())
            .timeSource(time)
            .build();
    private final MyApi api = client.create(MyApi.class);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void aMethodReturningTheBodyRunsAtOnceWithRetries() {
        server.enqueue(FaultServer.respond(503, "{}"));
        server.fallback(request -> FaultServer.respond(200, "{\"visitorId\":\"v1\"}"));

        assertThat(api.visitor("v1")).containsEntry("visitorId", "v1");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aMethodReturningAFutureCompletesWithTypedErrors() {
        server.fallback(request -> FaultServer.respond(404, "{}"));

        assertThat(api.visitorAsync("v1"))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnmarkedPostIsNotRepeatedAfterALostAnswer() {
        server.enqueue(FaultServer.resetBeforeAnswer());
        server.fallback(request -> FaultServer.respond(200, "{}"));

        assertThatThrownBy(() -> api.write(Map.of("a", 1))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anIdempotentPostIsRetriedAfterALostAnswer() {
        server.enqueue(FaultServer.resetBeforeAnswer());
        server.fallback(request -> FaultServer.respond(200, "{\"ok\":true}"));

        assertThat(api.upsert(Map.of("a", 1))).containsEntry("ok", true);
        assertThat(server.requestLines()).containsOnly("POST /api/v1/custom/upsert");
    }

    @Test
    void anEmptyBodyIsUnreadableForUserMethodsToo() {
        server.fallback(request -> FaultServer.respond(200, ""));

        assertThatThrownBy(() -> api.visitor("v1")).isInstanceOf(UnreadableResponseException.class);
        assertThat(List.of(server.requestCount())).containsExactly(1);
    }
}
