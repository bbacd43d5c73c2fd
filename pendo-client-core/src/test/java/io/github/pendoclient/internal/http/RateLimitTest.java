package io.github.pendoclient.internal.http;

import static io.github.pendoclient.internal.http.StackFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.http.RateLimitConfig;
import io.github.pendoclient.http.RetryConfig;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private StackFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void requestsToOneEndpointAreSpacedByTheRate() {
        fixture = new StackFixture(RetryConfig.disabled(), RateLimitConfig.perSecond(10));
        for (int i = 0; i < 5; i++) {
            fixture.enqueue(json(200, "[]"));
        }

        for (int i = 0; i < 5; i++) {
            fixture.client.http().execute(fixture.api.features());
        }

        // The fake clock only moves when the limiter sleeps, so the spacing is exact.
        List<Duration> waits = fixture.time.sleeps();
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(100));
        assertThat(fixture.client.stats().throttledRequests()).isEqualTo(4);
    }

    @Test
    void everyIdOfAPathTemplateCountsAsOneEndpoint() {
        fixture = new StackFixture(RetryConfig.disabled(), RateLimitConfig.perSecond(10));
        fixture.enqueue(json(200, "{}"), json(200, "{}"), json(200, "[]"));

        fixture.client.http().execute(fixture.api.visitor("v1"));
        fixture.client.http().execute(fixture.api.visitor("v2"));
        fixture.client.http().execute(fixture.api.features());

        assertThat(fixture.time.sleeps()).as("only the second visitor call waits").hasSize(1);
    }

    @Test
    void endpointOverridesApplyToTheirEndpointOnly() {
        fixture = new StackFixture(RetryConfig.disabled(), RateLimitConfig.disabled()
                .withEndpointLimit("POST /api/v1/aggregation", 0.5));
        fixture.enqueue(json(200, "{}"), json(200, "{}"), json(200, "[]"), json(200, "[]"));

        fixture.client.http().execute(fixture.api.aggregate(java.util.Map.of()));
        fixture.client.http().execute(fixture.api.aggregate(java.util.Map.of()));
        fixture.client.http().execute(fixture.api.features());
        fixture.client.http().execute(fixture.api.features());

        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a429WithRetryAfterPausesOtherRequestsToThatEndpoint() {
        fixture = new StackFixture(RetryConfig.builder().jitter(0).build(), RateLimitConfig.perSecond(1000));
        fixture.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "5").build(),
                json(200, "[]"));

        fixture.client.http().execute(fixture.api.features());
        // The retry waited 5 s on the fake clock; now pretend another thread arrives just after the 429.
        assertThat(fixture.time.sleeps()).contains(Duration.ofSeconds(5));

        EndpointRateLimiter limiter = new EndpointRateLimiter(RateLimitConfig.disabled(), fixture.time,
                new StatsRecorder());
        limiter.pause("GET api/v1/feature", Duration.ofSeconds(3));
        int before = fixture.time.sleeps().size();
        try {
            limiter.acquire("GET api/v1/feature");
            limiter.acquire("GET api/v1/page");
        } catch (java.io.InterruptedIOException e) {
            throw new AssertionError(e);
        }
        assertThat(fixture.time.sleeps().subList(before, fixture.time.sleeps().size()))
                .containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void plainRequestsAreKeyedByTheirPath() {
        fixture = new StackFixture(RetryConfig.disabled(), RateLimitConfig.perSecond(10));
        Request request = new Request.Builder().url(fixture.client.http().url("api/v1/aggregation"))
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build();
        assertThat(RequestTags.endpoint(request)).isEqualTo("POST api/v1/aggregation");
    }
}
