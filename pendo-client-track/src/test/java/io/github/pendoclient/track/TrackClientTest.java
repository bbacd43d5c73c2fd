package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.Region;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.http.RetryOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrackClientTest {

    static final String SECRET = "fake-shared-secret-9f8e7d";

    private MockWebServer server;
    private TrackClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = TrackClient.builder()
                .sharedSecret(SECRET)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private static TrackEvent event() {
        return TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-42")
                .accountId("acme")
                .property("format", "pdf")
                .build();
    }

    @ParameterizedTest
    @EnumSource(Region.class)
    void eachRegionSendsToItsDataHost(Region region) {
        try (TrackClient regional =
                TrackClient.builder().sharedSecret(SECRET).region(region).build()) {
            assertThat(regional.baseUrl()).isEqualTo(URI.create(region.dataBaseUrl() + "/"));
        }
        assertThat(Region.EU.dataBaseUrl().toString()).isEqualTo("https://data.eu.pendo.io");
    }

    @Test
    void sendPostsOneEventWithTheSharedSecret() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).build());
        TrackEvent event = event();

        client.send(event);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/track");
        assertThat(request.getHeaders().get("x-pendo-integration-key")).isEqualTo(SECRET);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo(event.toJson());
    }

    @Test
    void toBuilderBuildsAClientThatSendsWithTheSameSecretAndShowsItNowhere() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).build());

        try (TrackClient copy = client.toBuilder().applicationName("batch-job").build()) {
            copy.send(event());

            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getHeaders().get("x-pendo-integration-key")).isEqualTo(SECRET);
            assertThat(request.getHeaders().get("User-Agent")).endsWith(" batch-job");
            assertThat(copy.baseUrl()).isEqualTo(client.baseUrl());
            assertThat(copy.toString()).doesNotContain(SECRET);
            assertThat(client.toBuilder().toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void sendAsyncCompletesWhenPendoAccepts() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        client.sendAsync(event()).get(5, TimeUnit.SECONDS);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void strictValidationRefusesEventsPendoWouldIgnoreAndSendsNothing() {
        TrackEvent old = event().toBuilder()
                .timestamp(Instant.now().minus(Duration.ofDays(8)))
                .build();
        TrackEvent future = event().toBuilder()
                .timestamp(Instant.now().plus(Duration.ofDays(1)))
                .build();
        TrackEvent large =
                event().toBuilder().property("notes", "x".repeat(600)).build();

        assertThatThrownBy(() -> client.send(old))
                .isInstanceOfSatisfying(
                        InvalidTrackEventException.class,
                        e -> assertThat(e.field()).isEqualTo("timestamp"))
                .hasMessageContaining("7 days");
        assertThatThrownBy(() -> client.send(future)).hasMessageContaining("future");
        assertThatThrownBy(() -> client.send(large))
                .isInstanceOfSatisfying(
                        InvalidTrackEventException.class,
                        e -> assertThat(e.field()).isEqualTo("properties"))
                .hasMessageContaining("512 bytes");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void lenientValidationSendsAndWarns() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (TrackClient lenient = TrackClient.builder()
                        .sharedSecret(SECRET)
                        .baseUrl(server.url("/").toString())
                        .validation(ValidationMode.LENIENT)
                        .build();
                StderrCapture logs = new StderrCapture()) {
            lenient.send(event().toBuilder()
                    .timestamp(Instant.now().minus(Duration.ofDays(8)))
                    .build());

            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(logs.text()).contains("WARN").contains("Report Exported").contains("7 days");
        }
    }

    @Test
    void errorsAreTypedAndTheSecretAppearsNowhere() {
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .body("{\"message\": \"bad key\"}")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .body("{\"message\": \"bad event\"}")
                .build());
        try (StderrCapture logs = new StderrCapture()) {
            assertThatThrownBy(() -> client.send(event()))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
            assertThatThrownBy(() -> client.send(event()))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
            assertThat(logs.text()).contains("x-pendo-integration-key").doesNotContain(SECRET);
        }
        assertThat(client.toString()).contains("redacted").doesNotContain(SECRET);
        assertThat(SharedSecret.of(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void needsASecret() {
        assertThatThrownBy(() -> TrackClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shared secret is required");
        assertThatThrownBy(() -> TrackClient.fromEnv(Map.of())).hasMessageContaining(TrackClient.ENV_SHARED_SECRET);
        try (TrackClient fromEnv =
                TrackClient.fromEnv(Map.of(TrackClient.ENV_SHARED_SECRET, SECRET, "PENDO_REGION", "jp"))) {
            assertThat(fromEnv.baseUrl().getHost()).isEqualTo("data.jpn.pendo.io");
        }
    }

    @Test
    void fromEnvHonoursTheTrackBaseUrlOverTheRegion() {
        try (TrackClient fromEnv = TrackClient.fromEnv(Map.of(
                TrackClient.ENV_SHARED_SECRET,
                SECRET,
                TrackClient.ENV_REGION,
                "jp",
                TrackClient.ENV_BASE_URL,
                "http://127.0.0.1:9/track-proxy/"))) {
            assertThat(fromEnv.baseUrl().toString()).isEqualTo("http://127.0.0.1:9/track-proxy/");
        }
    }
}
