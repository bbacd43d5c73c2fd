package io.github.pendoclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifyKeyTest {

    private final MockWebServer server = new MockWebServer();
    private PendoClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = PendoClient.builder()
                .integrationKey("fake-key")
                .baseUrl(server.url("/").toString())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void anAcceptedKeyIsValid() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        assertThat(client.verifyKey().valid()).isTrue();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/token/verify");
    }

    @Test
    void aRejectedKeyIsInvalidAndTheMessagePointsAtTheRegion() {
        server.enqueue(new MockResponse.Builder().code(401).build());

        KeyVerification result = client.verifyKey();

        assertThat(result.valid()).isFalse();
        assertThat(result.statusCode()).isEqualTo(401);
        assertThat(result.message()).contains("one region only").doesNotContain("fake-key");
    }

    @Test
    void fallsBackToTheSchemaEndpointWhereTokenVerifyIsUnknown() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(
                new MockResponse.Builder().code(200).body("{\"auto\":{}}").build());

        assertThat(client.verifyKey().valid()).isTrue();
        server.takeRequest();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/metadata/schema/account");
    }
}
