package io.github.pendoclient.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.Region;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void aBlankVariableCountsAsUnset() {
        assertThat(Environment.of(Map.of(Environment.BASE_URL, "  ")).get(Environment.BASE_URL))
                .isEmpty();
    }

    @Test
    void valuesAreTrimmed() {
        assertThat(Environment.of(Map.of(Environment.REGION, " eu "))
                        .get(Environment.REGION)
                        .map(Region::parse))
                .contains(Region.EU);
    }

    @Test
    void aMissingRequiredVariableIsNamedWithWhatToDo() {
        assertThatThrownBy(() -> Environment.of(Map.of()).require(Environment.TRACK_SHARED_SECRET, "set it"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PENDO_TRACK_SHARED_SECRET is not set; set it");
    }

    @Test
    void pendoClientReadsItsVariablesThroughTheReader() {
        try (PendoClient client = PendoClient.fromEnv(Map.of(
                PendoClient.ENV_INTEGRATION_KEY,
                "test-integration-key",
                PendoClient.ENV_REGION,
                "eu",
                PendoClient.ENV_BASE_URL,
                " http://127.0.0.1:9/pendo/ "))) {
            assertThat(client.baseUrl().toString()).isEqualTo("http://127.0.0.1:9/pendo/");
        }
    }

    @Test
    void theClientsNameTheSameVariables() {
        assertThat(PendoClient.ENV_INTEGRATION_KEY).isEqualTo("PENDO_INTEGRATION_KEY");
        assertThat(PendoClient.ENV_REGION).isEqualTo("PENDO_REGION");
        assertThat(PendoClient.ENV_BASE_URL).isEqualTo("PENDO_BASE_URL");
    }
}
