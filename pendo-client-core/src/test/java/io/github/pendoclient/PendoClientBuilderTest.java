package io.github.pendoclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PendoClientBuilderTest {

    private static final String KEY = "fake-key-0000.us";

    @Test
    void defaultsToTheUsRegion() {
        try (PendoClient client = PendoClient.builder().integrationKey(KEY).build()) {
            assertThat(client.baseUrl()).hasToString("https://app.pendo.io/");
            assertThat(client.region()).contains(Region.US);
        }
    }

    @Test
    void regionSelectsItsApiHost() {
        try (PendoClient client =
                PendoClient.builder().integrationKey(KEY).region(Region.EU).build()) {
            assertThat(client.baseUrl()).hasToString("https://app.eu.pendo.io/");
        }
    }

    @Test
    void baseUrlWinsOverRegionAndKeepsItsPath() {
        try (PendoClient client = PendoClient.builder()
                .integrationKey(KEY)
                .region(Region.EU)
                .baseUrl("https://proxy.example.com/pendo")
                .build()) {
            assertThat(client.baseUrl()).hasToString("https://proxy.example.com/pendo/");
            assertThat(client.region()).isEmpty();
        }
    }

    @Test
    void keyIsRequired() {
        assertThatThrownBy(() -> PendoClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("integration key is required");
    }

    @Test
    void blankOrWhitespaceKeysAreRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> PendoClient.builder().integrationKey("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> PendoClient.builder().integrationKey("fake-secret-key\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace")
                .hasMessageNotContaining("fake-secret-key");
    }

    @Test
    void plainHttpIsRefusedForRemoteHostsUnlessAllowed() {
        assertThatThrownBy(() -> PendoClient.builder()
                        .integrationKey(KEY)
                        .baseUrl("http://proxy.example.com")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clear text")
                .hasMessageContaining("allowInsecureHttp");
        try (PendoClient client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl("http://proxy.example.com")
                .allowInsecureHttp(true)
                .build()) {
            assertThat(client.baseUrl()).hasToString("http://proxy.example.com/");
        }
    }

    @Test
    void plainHttpIsFineOnLoopback() {
        for (String url : new String[] {"http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:8080"}) {
            try (PendoClient client =
                    PendoClient.builder().integrationKey(KEY).baseUrl(url).build()) {
                assertThat(client.baseUrl().getScheme()).isEqualTo("http");
            }
        }
    }

    @Test
    void baseUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> PendoClient.builder().baseUrl("ftp://example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http or https");
        assertThatThrownBy(() -> PendoClient.builder().baseUrl("app.pendo.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http or https");
    }

    @Test
    void invalidOptionsFailAtTheSetter() {
        assertThatThrownBy(() -> PendoClient.builder().readTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout must be positive");
        assertThatThrownBy(() -> PendoClient.builder().applicationName("bad\nname"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(
                        () -> io.github.pendoclient.http.RetryOptions.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> io.github.pendoclient.http.RateLimitOptions.perSecond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void toStringNeverShowsTheKey() {
        try (PendoClient client = PendoClient.builder().integrationKey(KEY).build()) {
            assertThat(client.toString()).doesNotContain(KEY).contains("[redacted]");
        }
        assertThat(IntegrationKey.of(KEY).toString()).isEqualTo("IntegrationKey[redacted]");
        assertThat(PendoClient.builder().integrationKey(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void fromEnvReadsKeyRegionAndBaseUrl() {
        try (PendoClient client = PendoClient.fromEnv(Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_REGION", "jp"))) {
            assertThat(client.baseUrl()).hasToString("https://app.jpn.pendo.io/");
        }
        try (PendoClient client = PendoClient.fromEnv(Map.of(
                "PENDO_INTEGRATION_KEY", KEY, "PENDO_REGION", "eu", "PENDO_BASE_URL", "http://127.0.0.1:1234"))) {
            assertThat(client.baseUrl()).hasToString("http://127.0.0.1:1234/");
        }
    }

    @Test
    void fromEnvWithoutKeySaysWhatToSet() {
        assertThatThrownBy(() -> PendoClient.fromEnv(Map.of("PENDO_REGION", "eu")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PENDO_INTEGRATION_KEY is not set")
                .hasMessageContaining("PENDO_REGION");
        assertThatThrownBy(() -> PendoClient.fromEnv(Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_REGION", "moon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid values");
    }
}
