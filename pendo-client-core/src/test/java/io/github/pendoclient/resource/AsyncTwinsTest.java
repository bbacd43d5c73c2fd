package io.github.pendoclient.resource;

import static io.github.pendoclient.resource.ResourceFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.ServerException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.model.BulkDeleteJob;
import io.github.pendoclient.model.Segment;
import io.github.pendoclient.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async twins send what their blocking twins send and fail with the same typed exceptions. */
class AsyncTwinsTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("the future completed normally");
    }

    @Test
    void setStateAsyncSendsTheStateBody() throws Exception {
        fixture.server.enqueue(new MockResponse.Builder().code(204).build());

        assertThat(await(fixture.client.guides().setStateAsync("g1", "public"))).isNull();

        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/guide/g1/state");
        assertThat(body(request)).isEqualTo("{\"state\":\"public\"}");
    }

    @Test
    void aRefusedArgumentFailsTheFutureInsteadOfThrowing() {
        CompletableFuture<Void> call = fixture.client.guides().setStateAsync("g1", "published");

        assertThat(failureOf(call)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("published");
        assertThat(fixture.server.getRequestCount()).isZero();
    }

    @Test
    void resetAllForVisitorAsyncSendsOneRequest() throws Exception {
        fixture.server.enqueue(new MockResponse.Builder().code(200).build());

        await(fixture.client.guides().resetAllForVisitorAsync("v 1"));

        assertThat(fixture.take().getUrl().encodedPath()).isEqualTo("/api/v1/guide/all/visitor/v%201/reset");
    }

    @Test
    void createSegmentAsyncReturnsTheCreatedSegment() throws Exception {
        fixture.respond(200, "{\"id\":\"seg-1\",\"name\":\"Beta\"}");

        Segment created = await(fixture.client.segments().createAsync("Beta", List.of("v1", "v2")));

        assertThat(created.id()).isEqualTo("seg-1");
        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(body(request)).isEqualTo("{\"name\":\"Beta\",\"visitors\":[\"v1\",\"v2\"]}");
    }

    @Test
    void deleteSegmentAsyncFailsWithTheTypedNotFound() {
        fixture.respond(404, "{\"message\":\"no such segment\"}");

        assertThat(failureOf(fixture.client.segments().deleteAsync("s1"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void metadataSetAsyncSendsTheRawValueAndGetAsyncReadsIt() throws Exception {
        fixture.server.enqueue(new MockResponse.Builder().code(200).build());
        fixture.respond(200, "42");

        await(fixture.client.metadata().setAsync(MetadataKind.VISITOR, "custom", "v1", "score", 42));
        Object value = await(fixture.client.metadata().getAsync(MetadataKind.VISITOR, "custom", "v1", "score"));

        RecordedRequest set = fixture.take();
        assertThat(set.getMethod()).isEqualTo("PUT");
        assertThat(body(set)).isEqualTo("42");
        assertThat(value).isEqualTo(42L);
    }

    @Test
    void reportResultsAsyncReadsTheRows() throws Exception {
        fixture.respond(200, "[{\"visitorId\":\"v1\"},{\"visitorId\":\"v2\"}]");

        List<Map<String, Object>> rows = await(fixture.client.reports().resultsAsync("r1"));

        assertThat(rows).extracting(row -> row.get("visitorId")).containsExactly("v1", "v2");
        assertThat(fixture.take().getUrl().encodedPath()).isEqualTo("/api/v1/report/r1/results.json");
    }

    @Test
    void catalogListAsyncWithoutOptionsListsEveryApp() throws Exception {
        fixture.respond(200, "[]");
        fixture.respond(200, "[]");

        assertThat(await(fixture.client.features().listAsync())).isEmpty();
        fixture.client.features().list();

        assertThat(fixture.take().getTarget())
                .isEqualTo(fixture.take().getTarget())
                .contains("expand=");
    }

    @Test
    void bulkDeleteVisitorsAsyncCompletesWhenEveryBatchIsDone() throws Exception {
        fixture.respond(200, "{\"id\":\"job-1\",\"status\":\"pending\"}");
        fixture.respond(200, "{\"id\":\"job-2\",\"status\":\"pending\"}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BulkDeleteResource.MAX_IDS_PER_REQUEST + 1; i++) {
            ids.add("v" + i);
        }

        List<BulkDeleteJob> jobs = await(fixture.client.bulkDelete().visitorsAsync(ids));

        assertThat(jobs).extracting(BulkDeleteJob::id).containsExactly("job-1", "job-2");
        assertThat(body(fixture.take())).contains("\"v0\"").doesNotContain("\"v500\"");
        assertThat(body(fixture.take())).isEqualTo("{\"visitors\":[\"v500\"]}");
    }

    @Test
    void bulkDeleteAccountsAsyncStopsAtTheFirstFailedBatch() {
        fixture.respond(404, "{}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BulkDeleteResource.MAX_IDS_PER_REQUEST + 1; i++) {
            ids.add("a" + i);
        }

        assertThat(failureOf(fixture.client.bulkDelete().accountsAsync(ids))).isInstanceOf(NotFoundException.class);
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void verifyKeyAsyncFallsBackWhenTheVerifyPathIsUnknown() throws Exception {
        fixture.respond(404, "{}");
        fixture.respond(200, "{}");

        assertThat(await(fixture.client.verifyKeyAsync()).valid()).isTrue();

        assertThat(fixture.take().getUrl().encodedPath()).isEqualTo("/api/v1/token/verify");
        assertThat(fixture.take().getUrl().encodedPath()).isEqualTo("/api/v1/metadata/schema/account");
    }

    @Test
    void verifyKeyAsyncReportsARejectedKeyAsInvalid() throws Exception {
        fixture.respond(401, "{}");

        assertThat(await(fixture.client.verifyKeyAsync()).valid()).isFalse();
    }

    @Test
    void verifyKeyAsyncFailsWithTheTypedServerError() {
        fixture.server.enqueue(ResourceFixture.json(500, "{}"));
        fixture.server.enqueue(ResourceFixture.json(500, "{}"));
        fixture.server.enqueue(ResourceFixture.json(500, "{}"));
        fixture.server.enqueue(ResourceFixture.json(500, "{}"));

        assertThat(failureOf(fixture.client.verifyKeyAsync())).isInstanceOf(ServerException.class);
    }

    @Test
    void anAsyncRetryWaitsOnTheTimerHoldingNoThread() throws Exception {
        ManualTime time = new ManualTime();
        try (MockWebServer server = new MockWebServer();
                PendoClient client = clientOn(server, time)) {
            server.enqueue(ResourceFixture.json(503, "{}"));
            server.enqueue(new MockResponse.Builder().code(204).build());

            CompletableFuture<Void> call = client.segments().addVisitorAsync("s1", "v1");

            time.awaitPending(1);
            assertThat(time.pendingDelays()).containsExactly(Duration.ofMillis(500));
            assertThat(time.sleepers()).isZero();
            assertThat(call).isNotDone();

            time.advance(Duration.ofMillis(500));

            assertThat(await(call)).isNull();
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    private static PendoClient clientOn(MockWebServer server, ManualTime time) throws Exception {
        server.start();
        return PendoClient.builder()
                .integrationKey("test-integration-key")
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder().jitter(0).build())
                .rateLimit(RateLimitOptions.disabled())
                .timeSource(time)
                .build();
    }

    @Test
    void segmentGetAsyncOfDotDotFailsBeforeSending() {
        assertThatThrownBy(() -> await(fixture.client.segments().getAsync("..")))
                .hasCauseInstanceOf(io.github.pendoclient.error.InvalidRequestException.class);
        assertThat(fixture.server.getRequestCount()).isZero();
    }
}
