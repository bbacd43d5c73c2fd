package io.github.pendoclient.internal.http;

import static io.github.pendoclient.internal.http.StackFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.error.ServerException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.internal.CoreAccess;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    private StackFixture fixture = new StackFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedUntilSuccess(int status) {
        fixture.enqueue(json(status, "{}"), json(200, "[{\"id\":\"f1\"}]"));

        List<Map<String, Object>> features =
                CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());

        assertThat(features).extracting(f -> f.get("id")).containsExactly("f1");
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(fixture.client.stats().retries()).isEqualTo(1);
    }

    @Test
    void a408IsRetriedAtOnceOnceLikeOkHttpDoes() {
        fixture.enqueue(json(408, "{}"), json(200, "[{\"id\":\"f1\"}]"));

        assertThat(CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .hasSize(1);

        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
        assertThat(fixture.time.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "400, InvalidRequestException",
        "401, AuthenticationException",
        "403, PermissionDeniedException",
        "404, NotFoundException",
        "422, InvalidRequestException",
        "409, PendoApiException"
    })
    void nonRetryableStatusesAreTriedOnce(int status, String type) {
        fixture.enqueue(json(status, "{}"), json(200, "[]"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOf(PendoApiException.class)
                .satisfies(e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(((PendoApiException) e).statusCode()).isEqualTo(status);
                    assertThat(((PendoApiException) e).attempts()).isEqualTo(1);
                });
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
        assertThat(fixture.time.sleeps()).isEmpty();
    }

    @Test
    void backoffDoublesUpToTheCapAndTheAttemptCountIsReported() {
        fixture.close();
        fixture = new StackFixture(
                RetryOptions.builder()
                        .jitter(0)
                        .maxAttempts(5)
                        .initialBackoff(Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(3))
                        .build(),
                RateLimitOptions.disabled());
        for (int i = 0; i < 5; i++) {
            fixture.enqueue(json(503, "{}"));
        }

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("after 5 attempts")
                .satisfies(e -> assertThat(((ServerException) e).attempts()).isEqualTo(5));
        assertThat(fixture.time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void jitterOnlyShortensTheWait() {
        fixture.close();
        fixture = new StackFixture(
                RetryOptions.builder().jitter(0.5).maxAttempts(4).build(), RateLimitOptions.disabled());
        for (int i = 0; i < 4; i++) {
            fixture.enqueue(json(500, "{}"));
        }

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOf(ServerException.class);
        List<Duration> sleeps = fixture.time.sleeps();
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        fixture.enqueue(
                new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "7")
                        .build(),
                json(200, "[]"));

        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());

        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                fixture.time.now().plusSeconds(12).atOffset(ZoneOffset.UTC));
        fixture.enqueue(
                new MockResponse.Builder()
                        .code(503)
                        .addHeader("Retry-After", date)
                        .build(),
                json(200, "[]"));

        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());

        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void persistent429SaysSoWithTheLastRetryAfter() {
        for (int i = 0; i < 4; i++) {
            fixture.enqueue(new MockResponse.Builder()
                    .code(429)
                    .addHeader("Retry-After", "2")
                    .build());
        }

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
                })
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("after 4 attempts");
        assertThat(fixture.client.stats().rateLimitedResponses()).isEqualTo(4);
    }

    @Test
    void aConnectionResetInTheMiddleOfABodyIsRetried() {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"id\":\"feature-").append(i).append("\"}");
        }
        big.append(']');
        fixture.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .body(big.toString())
                        .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
                        .build(),
                json(200, big.toString()));

        List<Map<String, Object>> features =
                CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());

        assertThat(features).hasSize(2000);
        assertThat(fixture.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void ioFailuresAreRetriedThenReportedWithTheAttemptCount() {
        for (int i = 0; i < 4; i++) {
            fixture.enqueue(new MockResponse.Builder()
                    .onRequestStart(new SocketEffect.CloseSocket(true, false, false))
                    .build());
        }

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(PendoNetworkException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo("/api/v1/feature");
                })
                .hasMessageContaining("failed after 4 attempts");
        assertThat(fixture.time.sleeps()).hasSize(3);
    }

    @Test
    void retriesStopWhenTheTimeBudgetWouldBeExceeded() {
        fixture.close();
        fixture = new StackFixture(
                RetryOptions.builder()
                        .jitter(0)
                        .maxAttempts(10)
                        .initialBackoff(Duration.ofSeconds(10))
                        .maxElapsed(Duration.ofSeconds(35))
                        .build(),
                RateLimitOptions.disabled());
        for (int i = 0; i < 10; i++) {
            fixture.enqueue(json(502, "{}"));
        }

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.attempts()).isEqualTo(3));
        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void disabledRetriesMakeOneAttempt() {
        fixture.close();
        fixture = new StackFixture(RetryOptions.disabled(), RateLimitOptions.disabled());
        fixture.enqueue(json(503, "{}"), json(200, "[]"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void asyncCallsGetTheSameRetriesAndErrors() throws Exception {
        fixture.enqueue(json(500, "{}"), json(200, "[{\"id\":\"f1\"}]"));
        assertThat(CoreAccess.view(fixture.client, PendoHttp.class)
                        .executeAsync(fixture.api.features())
                        .get())
                .hasSize(1);

        fixture.enqueue(json(401, "{}"));
        assertThat(CoreAccess.view(fixture.client, PendoHttp.class).executeAsync(fixture.api.features()))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(AuthenticationException.class);
    }

    @Test
    void typedSubclassesAreDistinct() {
        assertThat(new Class<?>[] {
                    AuthenticationException.class,
                    PermissionDeniedException.class,
                    NotFoundException.class,
                    InvalidRequestException.class,
                    RateLimitedException.class,
                    ServerException.class
                })
                .allMatch(PendoApiException.class::isAssignableFrom);
    }
}
