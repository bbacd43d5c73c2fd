package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.track.TrackEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FakePendoBuilderTest {

    @Test
    void eachBuildIsAnIndependentFakeWithTheBuildersSettingsAtThatTime() {
        FakePendo.Builder builder = FakePendo.builder().integrationKey("test-integration-key-1");
        FakePendo first = builder.build();
        FakePendo second = builder.integrationKey("test-integration-key-2")
                .sharedSecret("test-shared-secret")
                .build();

        assertThat(first.integrationKey()).isEqualTo("test-integration-key-1");
        assertThat(first.sharedSecret()).isEqualTo(FakePendo.DEFAULT_SHARED_SECRET);
        assertThat(second.integrationKey()).isEqualTo("test-integration-key-2");
        assertThat(second.sharedSecret()).isEqualTo("test-shared-secret");
        assertThat(first.isRunning()).isFalse();
    }

    @Test
    void createIsTheDefaults() {
        FakePendo fake = FakePendo.create();

        assertThat(fake.integrationKey()).isEqualTo(FakePendo.DEFAULT_INTEGRATION_KEY);
        assertThat(fake.sharedSecret()).isEqualTo(FakePendo.DEFAULT_SHARED_SECRET);
        assertThat(fake.dataset().toJson()).isEqualTo(Dataset.empty().toJson());
    }

    @Test
    void theBuiltFakeChecksTheConfiguredKeysAndSharedSecret() {
        try (FakePendo fake = FakePendo.builder()
                        .integrationKey("test-integration-key")
                        .keyForOtherRegion("test-eu-key")
                        .sharedSecret("test-shared-secret")
                        .build()
                        .start();
                PendoClient otherRegion = PendoClient.builder()
                        .integrationKey("test-eu-key")
                        .baseUrl(fake.baseUrl())
                        .build()) {
            assertThat(fake.client().verifyKey().valid()).isTrue();
            assertThatThrownBy(() -> otherRegion.features().list())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("another region");
            fake.trackClient()
                    .send(TrackEvent.builder()
                            .event("Invoice Paid")
                            .visitorId("v-1")
                            .build());
            assertThat(fake.trackEvents()).extracting(TrackEvent::event).containsExactly("Invoice Paid");
            assertThat(fake.requests())
                    .allSatisfy(call -> assertThat(call.toString())
                            .doesNotContain("test-integration-key")
                            .doesNotContain("test-shared-secret"));
        }
    }

    @Test
    void settersRefuseBadValuesAtOnceNamingTheSetting() {
        FakePendo.Builder builder = FakePendo.builder();

        assertThatThrownBy(() -> builder.rateLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> builder.rateLimit(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> builder.integrationKey(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integrationKey");
        assertThatThrownBy(() -> builder.dataset(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataset");
        assertThatThrownBy(() -> builder.requestReadTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestReadTimeout");
        assertThatThrownBy(() -> builder.requestReadTimeout(java.time.Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestReadTimeout");
    }

    @Test
    void toBuilderRoundTripsEverySetting() throws Exception {
        Instant now = Instant.parse("2026-11-02T09:00:00Z");
        Dataset dataset =
                Dataset.builder().page("page-1", Dataset.DEFAULT_APP_ID, "Home").build();
        FakePendo original = FakePendo.builder()
                .dataset(dataset)
                .integrationKey("test-integration-key")
                .keyForOtherRegion("test-eu-key")
                .sharedSecret("test-shared-secret")
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .rateLimit(1)
                .requestReadTimeout(Duration.ofMillis(500))
                .build();

        try (FakePendo copy = original.toBuilder().build().start();
                PendoClient otherRegion = PendoClient.builder()
                        .integrationKey("test-eu-key")
                        .baseUrl(copy.baseUrl())
                        .build()) {
            assertThat(copy.dataset()).isSameAs(dataset);
            assertThat(copy.integrationKey()).isEqualTo("test-integration-key");
            assertThat(copy.sharedSecret()).isEqualTo("test-shared-secret");
            assertThatThrownBy(() -> otherRegion.features().list())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("another region");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest aggregation = HttpRequest.newBuilder(copy.baseUrl().resolve("/api/v1/aggregation"))
                    .header("x-pendo-integration-key", "test-integration-key")
                    .POST(HttpRequest.BodyPublishers.ofString(EndpointCalls.AGGREGATION))
                    .build();
            HttpResponse<String> first = http.send(aggregation, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = http.send(aggregation, HttpResponse.BodyHandlers.ofString());
            assertThat(first.body()).startsWith("{\"startTime\":" + now.toEpochMilli() + ",");
            assertThat(second.statusCode())
                    .as("the rate limit of 1 per second, on the fixed clock")
                    .isEqualTo(429);
        }
        assertThat(original.toBuilder().build().toString()).isEqualTo(original.toString());
    }

    @Test
    void toBuilderLeavesTheOriginalAlone() {
        FakePendo original =
                FakePendo.builder().integrationKey("test-integration-key").build();

        FakePendo changed =
                original.toBuilder().integrationKey("test-integration-key-2").build();

        assertThat(original.integrationKey()).isEqualTo("test-integration-key");
        assertThat(changed.integrationKey()).isEqualTo("test-integration-key-2");
    }
}
