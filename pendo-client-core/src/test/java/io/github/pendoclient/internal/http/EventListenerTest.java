package io.github.pendoclient.internal.http;

import static io.github.pendoclient.internal.http.StackFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.event.AttemptEnded;
import io.github.pendoclient.event.CallEnded;
import io.github.pendoclient.event.Endpoint;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.RateLimitWaited;
import io.github.pendoclient.event.RetryScheduled;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the HTTP stack tells a {@link PendoEventListener}, call by call and attempt by attempt. */
class EventListenerTest {

    private static final String VISITOR = "GET /api/v1/visitor/{id}";

    private final Recorder events = new Recorder();
    private StackFixture fixture;

    private StackFixture fixture(RetryOptions retry, RateLimitOptions rateLimit, PendoEventListener listener) {
        return fixture(retry, rateLimit, listener, "/");
    }

    private StackFixture fixture(
            RetryOptions retry, RateLimitOptions rateLimit, PendoEventListener listener, String basePath) {
        fixture = new StackFixture(retry, rateLimit, listener, basePath);
        return fixture;
    }

    private StackFixture fixture() {
        return fixture(RetryOptions.builder().jitter(0).build(), RateLimitOptions.disabled(), events);
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static MockResponse retryAfter429(String seconds) {
        return new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", seconds)
                .build();
    }

    private static final List<String> THROUGH_503_AND_429 = List.of(
            "callStarted " + VISITOR,
            "attemptEnded " + VISITOR + " #1 503 PT0S",
            "retryScheduled " + VISITOR + " #1 SERVER_ERROR PT0.5S",
            "attemptEnded " + VISITOR + " #2 429 PT0S",
            "retryScheduled " + VISITOR + " #2 RATE_LIMITED PT2S",
            "attemptEnded " + VISITOR + " #3 200 PT0S",
            "callEnded " + VISITOR + " attempts=3 status=200 PT2.5S none");

    @Test
    void aCallRetriedThroughA503AndA429ReportsEveryAttemptRetryAndWait() {
        StackFixture stack = fixture();
        stack.enqueue(json(503, "{}"), retryAfter429("2"), json(200, "{\"id\":\"v-42\"}"));

        ClientStacks.of(stack.client).execute(stack.api.visitor("v-42"));

        assertThat(events.all).containsExactlyElementsOf(THROUGH_503_AND_429);
    }

    @Test
    void anAsyncCallRetriedThroughA503AndA429ReportsTheSameSequence() {
        StackFixture stack = fixture();
        stack.enqueue(json(503, "{}"), retryAfter429("2"), json(200, "{\"id\":\"v-42\"}"));

        stack.api.visitorAsync("v-42").join();

        assertThat(events.all).containsExactlyElementsOf(THROUGH_503_AND_429);
    }

    @Test
    void aWaitForTheClientSideRateLimitIsReportedBeforeTheAttempt() {
        StackFixture stack = fixture(RetryOptions.disabled(), RateLimitOptions.perSecond(1), events);
        stack.enqueue(json(200, "[]"), json(200, "[]"));

        ClientStacks.of(stack.client).execute(stack.api.features());
        events.all.clear();
        ClientStacks.of(stack.client).execute(stack.api.features());

        assertThat(events.all)
                .containsExactly(
                        "callStarted GET /api/v1/feature",
                        "rateLimitWaited GET /api/v1/feature PT1S",
                        "attemptEnded GET /api/v1/feature #1 200 PT0S",
                        "callEnded GET /api/v1/feature attempts=1 status=200 PT1S none");
    }

    @Test
    void anAsyncCallReportsItsRateLimitWaitOnTheTimerLikeABlockingOne() {
        StackFixture stack = fixture(RetryOptions.disabled(), RateLimitOptions.perSecond(1), events);
        stack.enqueue(json(200, "{\"id\":\"v-1\"}"), json(200, "{\"id\":\"v-2\"}"));

        stack.api.visitorAsync("v-1").join();
        events.all.clear();
        stack.api.visitorAsync("v-2").join();

        assertThat(events.all)
                .containsExactly(
                        "callStarted " + VISITOR,
                        "rateLimitWaited " + VISITOR + " PT1S",
                        "attemptEnded " + VISITOR + " #1 200 PT0S",
                        "callEnded " + VISITOR + " attempts=1 status=200 PT1S none");
    }

    @Test
    void aFailedAsyncCallEndsWithTheSimpleNameOfItsException() {
        StackFixture stack = fixture();
        stack.enqueue(json(404, "{}"));

        assertThatThrownBy(() -> stack.api.visitorAsync("v-42").join()).hasCauseInstanceOf(NotFoundException.class);

        assertThat(events.all)
                .last()
                .isEqualTo("callEnded " + VISITOR + " attempts=1 status=404 PT0S NotFoundException");
    }

    @Test
    void aFailedCallEndsWithTheSimpleNameOfItsException() {
        StackFixture stack = fixture();
        stack.enqueue(json(404, "{}"));

        assertThatThrownBy(() -> ClientStacks.of(stack.client).execute(stack.api.visitor("v-42")))
                .isInstanceOf(NotFoundException.class);

        assertThat(events.all)
                .last()
                .isEqualTo("callEnded " + VISITOR + " attempts=1 status=404 PT0S NotFoundException");
    }

    @Test
    void aConnectionCutBeforeTheAnswerIsRetriedForANetworkReason() {
        StackFixture stack = fixture();
        stack.enqueue(
                new MockResponse.Builder()
                        .onRequestStart(new SocketEffect.CloseSocket(true, false, false))
                        .build(),
                json(200, "[]"));

        ClientStacks.of(stack.client).execute(stack.api.features());

        assertThat(events.all)
                .containsExactly(
                        "callStarted GET /api/v1/feature",
                        "attemptEnded GET /api/v1/feature #1 0 PT0S",
                        "retryScheduled GET /api/v1/feature #1 NETWORK PT0.5S",
                        "attemptEnded GET /api/v1/feature #2 200 PT0S",
                        "callEnded GET /api/v1/feature attempts=2 status=200 PT0.5S none");
    }

    @Test
    void endpointsAreTemplatesUnderTheBasePathAndNeverCarryAnId() {
        StackFixture stack =
                fixture(RetryOptions.builder().jitter(0).build(), RateLimitOptions.disabled(), events, "/proxy/pendo/");
        stack.enqueue(json(200, "{\"id\":\"v-42\"}"));

        ClientStacks.of(stack.client).execute(stack.api.visitor("v-42"));

        assertThat(events.endpoints).containsOnly(new Endpoint("GET", "/proxy/pendo/api/v1/visitor/{id}"));
        assertThat(events.all).noneMatch(line -> line.contains("v-42"));
        assertThat(stack.take().getTarget()).isEqualTo("/proxy/pendo/api/v1/visitor/v-42");
    }

    @Test
    void aPlainRequestIsReportedUnderTheTemplateItsCallerGaveElseAsOther() {
        StackFixture stack =
                fixture(RetryOptions.builder().jitter(0).build(), RateLimitOptions.disabled(), events, "/proxy/");
        stack.enqueue(json(200, "{}"), json(200, "{}"));
        PendoHttp http = ClientStacks.of(stack.client);
        Request named = PendoHttp.withEndpointTemplate(
                new Request.Builder().url(http.url("api/v1/report/r-7/results")).build(),
                "api/v1/report/{reportId}/results");

        http.execute(named).close();
        http.execute(new Request.Builder().url(http.url("api/v1/report/r-7")).build())
                .close();

        assertThat(events.endpoints)
                .containsOnly(
                        new Endpoint("GET", "/proxy/api/v1/report/{reportId}/results"), new Endpoint("GET", "other"));
        assertThat(events.all).noneMatch(line -> line.contains("r-7"));
    }

    @Test
    void aListenerThatThrowsNeverFailsACall() {
        PendoEventListener throwing = new Thrower();
        StackFixture stack = fixture(RetryOptions.builder().jitter(0).build(), RateLimitOptions.disabled(), throwing);
        stack.enqueue(json(503, "{}"), json(200, "{\"id\":\"v-1\"}"), json(200, "{\"id\":\"v-2\"}"));

        assertThat(ClientStacks.of(stack.client).execute(stack.api.visitor("v-1")))
                .containsEntry("id", "v-1");
        assertThat(stack.api.visitorAsync("v-2").join()).containsEntry("id", "v-2");
    }

    /** Records every event as one line. */
    static final class Recorder implements PendoEventListener {
        final List<String> all = new CopyOnWriteArrayList<>();
        final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();

        @Override
        public void callStarted(Endpoint endpoint) {
            endpoints.add(endpoint);
            all.add("callStarted " + endpoint);
        }

        @Override
        public void rateLimitWaited(RateLimitWaited event) {
            endpoints.add(event.endpoint());
            all.add("rateLimitWaited " + event.endpoint() + " " + event.delay());
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            endpoints.add(event.endpoint());
            all.add("attemptEnded " + event.endpoint() + " #" + event.attempt() + " " + event.statusCode() + " "
                    + event.elapsed());
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            endpoints.add(event.endpoint());
            all.add("retryScheduled " + event.endpoint() + " #" + event.failedAttempt() + " " + event.reason() + " "
                    + event.delay());
        }

        @Override
        public void callEnded(CallEnded event) {
            endpoints.add(event.endpoint());
            all.add("callEnded " + event.endpoint() + " attempts=" + event.attempts() + " status=" + event.statusCode()
                    + " " + event.elapsed() + " " + event.errorType());
        }
    }

    /** Throws from every callback. */
    static final class Thrower implements PendoEventListener {
        @Override
        public void callStarted(Endpoint endpoint) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void retryScheduled(RetryScheduled event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void callEnded(CallEnded event) {
            throw new IllegalStateException("listener bug");
        }
    }
}
