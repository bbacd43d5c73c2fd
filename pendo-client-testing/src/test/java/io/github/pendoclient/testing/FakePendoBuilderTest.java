package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.track.TrackEvent;
import org.junit.jupiter.api.Test;

class FakePendoBuilderTest {

    @Test
    void eachBuildIsAnIndependentFakeWithTheBuildersSettingsAtThatTime() {
        FakePendo.Builder builder = FakePendo.builder().integrationKey("test-integration-key-1");
        FakePendo first = builder.build();
        FakePendo second = builder.integrationKey("test-integration-key-2").sharedSecret("test-shared-secret").build();

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
        try (FakePendo fake = FakePendo.builder().integrationKey("test-integration-key")
                .keyForOtherRegion("test-eu-key").sharedSecret("test-shared-secret")
                .build().start();
             PendoClient otherRegion = PendoClient.builder().integrationKey("test-eu-key").baseUrl(fake.baseUrl())
                     .build()) {
            assertThat(fake.client().verifyKey().valid()).isTrue();
            assertThatThrownBy(() -> otherRegion.features().list()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("another region");
            fake.trackClient().send(TrackEvent.builder().event("Invoice Paid").visitorId("v-1").build());
            assertThat(fake.trackEvents()).extracting(TrackEvent::event).containsExactly("Invoice Paid");
            assertThat(fake.requests()).allSatisfy(call -> assertThat(call.toString())
                    .doesNotContain("test-integration-key").doesNotContain("test-shared-secret"));
        }
    }

    @Test
    void settersRefuseBadValuesAtOnceNamingTheSetting() {
        FakePendo.Builder builder = FakePendo.builder();

        assertThatThrownBy(() -> builder.rateLimit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimit");
        assertThatThrownBy(() -> builder.rateLimit(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(70_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> builder.integrationKey(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integrationKey");
        assertThatThrownBy(() -> builder.dataset(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataset");
        assertThatThrownBy(() -> builder.requestReadTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestReadTimeout");
        assertThatThrownBy(() -> builder.requestReadTimeout(java.time.Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestReadTimeout");
    }
}
