package io.github.pendoclient.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.RedirectNotFollowedException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.testsupport.FakeTime;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No credential leaves the API host: a redirect to another scheme, host or port is not followed, and the other host
 * receives nothing. Redirects within the API host are followed.
 */
class RedirectTest {

    private static final String KEY = "test-integration-key";
    private static final int[] CODES = {301, 302, 303, 307, 308};

    private final MockWebServer api = new MockWebServer();
    private final MockWebServer other = new MockWebServer();
    private PendoClient client;

    @BeforeEach
    void start() throws IOException {
        api.start(InetAddress.getLoopbackAddress(), 0);
        other.start(InetAddress.getLoopbackAddress(), 0);
        for (int i = 0; i < 3; i++) {
            // The other host would answer at once, as one collecting credentials would.
            other.enqueue(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("{}")
                    .build());
        }
        client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl(api.url("/").toString())
                .retries(RetryOptions.builder().jitter(0).build())
                .rateLimit(RateLimitOptions.disabled())
                .timeSource(new FakeTime())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        api.close();
        other.close();
    }

    record Call(String name, Consumer<PendoClient> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Call> repeatableCalls() {
        return List.of(
                new Call("visitors().get (GET)", client -> client.visitors().get("v1")),
                new Call(
                        "segments().listAsync (GET, async)",
                        client -> join(client.segments().listAsync())),
                new Call(
                        "metadata().bulkUpdate (idempotent POST)",
                        client -> client.metadata()
                                .bulkUpdate(
                                        MetadataKind.VISITOR,
                                        "custom",
                                        List.of(new MetadataRow("v1", Map.of("tier", "gold"))))),
                new Call(
                        "segments().delete (DELETE)",
                        client -> client.segments().delete("s1")));
    }

    static List<Call> writesThatMayNotBeRepeated() {
        return List.of(
                new Call("segments().create", client -> client.segments().create("n", List.of("v1"))),
                new Call(
                        "segments().createAsync",
                        client -> join(client.segments().createAsync("n", List.of("v1")))),
                new Call("bulkDelete().visitors", client -> client.bulkDelete().visitors(List.of("v1"))));
    }

    static Stream<Arguments> repeatableCallsAndCodes() {
        return repeatableCalls().stream()
                .flatMap(call -> java.util.Arrays.stream(CODES).mapToObj(code -> Arguments.of(call, code)));
    }

    static Stream<Arguments> writesAndCodes() {
        return writesThatMayNotBeRepeated().stream()
                .flatMap(call -> java.util.Arrays.stream(CODES).mapToObj(code -> Arguments.of(call, code)));
    }

    private static void join(java.util.concurrent.CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Location", location)
                .build();
    }

    private String otherHost() {
        return other.url("/api/v1/elsewhere?x=1").toString();
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("repeatableCallsAndCodes")
    void aRedirectToAnotherHostIsNotFollowedAndNamesTheStatusAndLocation(Call call, int code) {
        api.enqueue(redirect(code, otherHost()));

        assertThatThrownBy(() -> call.run().accept(client))
                .isInstanceOfSatisfying(RedirectNotFollowedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(code);
                    assertThat(e.location()).contains(otherHost());
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessageContaining("HTTP " + code)
                .hasMessageContaining(otherHost())
                .hasMessageNotContaining(KEY);
        assertThat(api.getRequestCount()).isEqualTo(1);
        assertThat(other.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("writesAndCodes")
    void aWriteRedirectedToAnotherHostIsNotFollowedAndItsOutcomeIsUnknown(Call call, int code) {
        api.enqueue(redirect(code, otherHost()));

        assertThatThrownBy(() -> call.run().accept(client))
                .isInstanceOfSatisfying(
                        OutcomeUnknownException.class,
                        e -> assertThat(e.getCause())
                                .isInstanceOfSatisfying(
                                        RedirectNotFollowedException.class,
                                        redirect ->
                                                assertThat(redirect.location()).contains(otherHost())))
                .hasMessageContaining("HTTP " + code)
                .hasMessageContaining(otherHost());
        assertThat(api.getRequestCount()).isEqualTo(1);
        assertThat(other.getRequestCount()).isZero();
    }

    @Test
    void theSamePortOnAnotherHostNameIsAnotherHost() {
        assertThat(api.url("/").host()).isEqualTo("localhost");
        api.enqueue(redirect(
                302,
                api.url("/api/v1/visitor/v2")
                        .newBuilder()
                        .host("127.0.0.1")
                        .build()
                        .toString()));

        assertThatThrownBy(() -> client.visitors().get("v1")).isInstanceOf(RedirectNotFollowedException.class);
        assertThat(api.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aUserNameAndPasswordInTheLocationAreNeverShown() {
        String location = "http://admin:hunter2@" + other.getHostName() + ":" + other.getPort() + "/x";
        api.enqueue(redirect(302, location));

        assertThatThrownBy(() -> client.visitors().get("v1"))
                .isInstanceOfSatisfying(RedirectNotFollowedException.class, e -> {
                    assertThat(e.location()).contains("http://" + other.getHostName() + ":" + other.getPort() + "/x");
                    assertThat(e.headers().toString()).doesNotContain("hunter2").doesNotContain("admin");
                    assertThat(e.toString()).doesNotContain("hunter2");
                })
                .hasMessageNotContaining("hunter2");
        assertThat(other.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectWithinTheApiHostIsFollowedWithTheKey(int code) throws InterruptedException {
        api.enqueue(redirect(code, "/api/v1/visitor/v2"));
        api.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"v2\"}")
                .build());

        assertThat(client.visitors().get("v1").visitorId()).isEqualTo("v2");
        api.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest followed = api.takeRequest(5, TimeUnit.SECONDS);
        assertThat(followed.getTarget()).isEqualTo("/api/v1/visitor/v2");
        assertThat(followed.getHeaders().get("x-pendo-integration-key")).isEqualTo(KEY);
    }

    @Test
    void a307WithinTheApiHostSendsTheWriteAgainWithItsBody() throws InterruptedException {
        api.enqueue(redirect(307, "/api/v1/segment/v2"));
        api.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"seg-1\"}")
                .build());

        assertThat(client.segments().create("n", List.of("v1")).id()).isEqualTo("seg-1");
        RecordedRequest first = api.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest followed = api.takeRequest(5, TimeUnit.SECONDS);
        assertThat(followed.getMethod()).isEqualTo("POST");
        assertThat(followed.getBody().utf8()).isEqualTo(first.getBody().utf8()).isNotEmpty();
    }

    @Test
    void aLoopWithinTheApiHostEndsAfterFiveRedirects() {
        for (int i = 0; i < 10; i++) {
            api.enqueue(redirect(302, "/api/v1/visitor/v" + i));
        }

        assertThatThrownBy(() -> client.visitors().get("v1"))
                .isInstanceOfSatisfying(
                        RedirectNotFollowedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(302))
                .hasMessageContaining("redirect");
        assertThat(api.getRequestCount()).isEqualTo(6);
    }
}
