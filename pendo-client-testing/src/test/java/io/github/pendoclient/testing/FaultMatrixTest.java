package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.EndpointCalls.Call;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every kind of fault: the fault is felt by the call it was scripted for, the same way on every
 * endpoint, and the next call gets the normal answer.
 */
class FaultMatrixTest {

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(
            FakePendo.builder().dataset(EndpointCalls.DATASET).build());

    static final FakePendo PENDO = EXTENSION.fake();

    /** Strict about what it was sent: no silent retry on a dropped connection. */
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(5, TimeUnit.SECONDS)
            .build();

    enum Kind {
        STATUS_503(Fault.status(503)),
        STATUS_429_RETRY_AFTER(Fault.status(429).retryAfterSeconds(2)),
        HTML_503(Fault.html503()),
        DELAY(Fault.delay(Duration.ofMillis(10))),
        DISCONNECT_MID_BODY(Fault.disconnectMidBody());

        final Fault fault;

        Kind(Fault fault) {
            this.fault = fault;
        }
    }

    static Stream<Arguments> cells() {
        return EndpointCalls.CALLS.stream()
                .flatMap(call -> Stream.of(Kind.values()).map(kind -> Arguments.of(call, kind)));
    }

    @BeforeEach
    void clear() {
        PENDO.clearRequests();
        PENDO.clearFaults();
    }

    @AfterAll
    static void release() {
        CLIENT.connectionPool().evictAll();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cells")
    void theFaultHitsItsOwnCallAndTheNextCallIsNormal(Call call, Kind kind) throws Exception {
        PENDO.enqueueFault(call.endpoint(), kind.fault);

        switch (kind) {
            case DISCONNECT_MID_BODY -> {
                try (Response response = CLIENT.newCall(HttpConformanceTest.okRequest(PENDO.baseUrl(), call))
                        .execute()) {
                    assertThat(response.code()).isEqualTo(call.status());
                    assertThat(Long.parseLong(response.header("Content-Length")))
                            .isPositive();
                    assertThatThrownBy(() -> response.body().bytes()).isInstanceOf(IOException.class);
                }
                assertThat(PENDO.requests(call.endpoint()))
                        .extracting(RecordedCall::status)
                        .containsExactly(0);
            }
            case DELAY -> {
                try (Response response = CLIENT.newCall(HttpConformanceTest.okRequest(PENDO.baseUrl(), call))
                        .execute()) {
                    assertThat(response.code()).isEqualTo(call.status());
                }
            }
            default -> {
                try (Response response = CLIENT.newCall(HttpConformanceTest.okRequest(PENDO.baseUrl(), call))
                        .execute()) {
                    int status = kind.fault.statusCode();
                    assertThat(response.code()).isEqualTo(status);
                    String body = response.body().string();
                    if (kind == Kind.HTML_503) {
                        assertThat(response.header("Content-Type")).startsWith("text/html");
                        assertThat(body).contains("503 Service Temporarily Unavailable");
                    } else {
                        assertThat(((Map<?, ?>) JsonValues.parse(body)).get("overall"))
                                .asString()
                                .contains("Injected fault: HTTP " + status);
                    }
                    assertThat(response.header("Retry-After"))
                            .isEqualTo(kind == Kind.STATUS_429_RETRY_AFTER ? "2" : null);
                }
            }
        }
        assertThat(PENDO.pendingFaults())
                .as("consumed by the call it was scripted for")
                .isZero();

        try (Response next = CLIENT.newCall(HttpConformanceTest.okRequest(PENDO.baseUrl(), call))
                .execute()) {
            assertThat(next.code()).isEqualTo(call.status());
            byte[] body = next.body().bytes();
            if (!call.emptyBody()) {
                assertThat(JsonValues.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                        .isNotNull();
            }
        }
        assertThat(PENDO.requests(call.endpoint())).hasSize(2);
    }
}
