package io.github.pendoclient.internal.http;

import static io.github.pendoclient.internal.http.StackFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.testsupport.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        fixture = new StackFixture(RetryOptions.disabled(), RateLimitOptions.perSecond(10));
        for (int i = 0; i < 5; i++) {
            fixture.enqueue(json(200, "[]"));
        }

        for (int i = 0; i < 5; i++) {
            CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());
        }

        // The fake clock only moves when the limiter sleeps, so the spacing is exact.
        List<Duration> waits = fixture.time.sleeps();
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
        assertThat(fixture.client.stats().throttledRequests()).isEqualTo(4);
    }

    @Test
    void everyIdOfAPathTemplateCountsAsOneEndpoint() {
        fixture = new StackFixture(RetryOptions.disabled(), RateLimitOptions.perSecond(10));
        fixture.enqueue(json(200, "{}"), json(200, "{}"), json(200, "[]"));

        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.visitor("v1"));
        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.visitor("v2"));
        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());

        assertThat(fixture.time.sleeps())
                .as("only the second visitor call waits")
                .hasSize(1);
    }

    @Test
    void endpointOverridesApplyToTheirEndpointOnly() {
        fixture = new StackFixture(
                RetryOptions.disabled(),
                RateLimitOptions.disabled().withEndpointLimit("POST /api/v1/aggregation", 0.5));
        fixture.enqueue(json(200, "{}"), json(200, "{}"), json(200, "[]"), json(200, "[]"));

        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.aggregate(java.util.Map.of()));
        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.aggregate(java.util.Map.of()));
        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());
        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features());

        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a429WithRetryAfterPausesOtherRequestsToThatEndpoint() {
        fixture = new StackFixture(); // for its server; the client below has a clock that lets others arrive
        ArrivalClock clock = new ArrivalClock();
        try (PendoClient client = PendoClient.builder()
                .integrationKey(StackFixture.KEY)
                .baseUrl(fixture.server.url("/").toString())
                .retries(RetryOptions.builder().jitter(0).build())
                .rateLimit(RateLimitOptions.perSecond(1000))
                .timeSource(clock)
                .build()) {
            TestApi api = CoreAccess.view(client, PendoHttp.class).create(TestApi.class);
            fixture.enqueue(
                    new MockResponse.Builder()
                            .code(429)
                            .addHeader("Retry-After", "5")
                            .build(),
                    json(200, "[]"),
                    json(200, "{}"),
                    json(200, "[]"));
            List<Duration> waitsOfOthers = new ArrayList<>();
            // While the first caller waits out its 429, two more arrive: one for the same endpoint, one for another.
            clock.beforeFirstSleep(() -> {
                int before = clock.time.sleeps().size();
                CoreAccess.view(client, PendoHttp.class).execute(api.features());
                CoreAccess.view(client, PendoHttp.class).execute(api.visitor("v1"));
                waitsOfOthers.addAll(
                        clock.time.sleeps().subList(before, clock.time.sleeps().size()));
            });

            CoreAccess.view(client, PendoHttp.class).execute(api.features());

            assertThat(waitsOfOthers)
                    .as("the same endpoint waits out Retry-After; the other endpoint does not wait")
                    .containsExactly(Duration.ofSeconds(5));
            assertThat(clock.time.sleeps())
                    .as("the other caller's pause, then the first caller's backoff")
                    .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        }
    }

    @Test
    void plainRequestsAreKeyedByTheirPath() {
        fixture = new StackFixture(RetryOptions.disabled(), RateLimitOptions.perSecond(10));
        Request request = new Request.Builder()
                .url(CoreAccess.view(fixture.client, PendoHttp.class).url("api/v1/aggregation"))
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json")))
                .build();
        assertThat(RequestTags.endpoint(request)).isEqualTo("POST api/v1/aggregation");
    }

    /** A fake clock that runs an action when it is first asked to sleep: another caller arriving at that moment. */
    private static final class ArrivalClock implements TimeSource {
        final FakeTime time = new FakeTime();
        private Runnable arrival;

        void beforeFirstSleep(Runnable action) {
            arrival = action;
        }

        @Override
        public Instant now() {
            return time.now();
        }

        @Override
        public long nanoTime() {
            return time.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Runnable action = arrival;
            arrival = null;
            if (action != null) {
                action.run();
            }
            time.sleep(duration);
        }
    }
}
