package io.github.pendoclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.http.RateLimitOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientToBuilderTest {

    private static final String KEY = "test-integration-key";

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void toBuilderBuildsAClientWithTheSameKeyAndBaseUrl() throws Exception {
        server.start();
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
        try (PendoClient original = PendoClient.builder()
                        .integrationKey(KEY)
                        .baseUrl(server.url("/").toString())
                        .rateLimit(RateLimitOptions.disabled())
                        .build();
                PendoClient copy =
                        original.toBuilder().applicationName("batch-job").build()) {

            copy.features().list();

            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getHeaders().get("x-pendo-integration-key")).isEqualTo(KEY);
            assertThat(request.getHeaders().get("User-Agent")).endsWith(" batch-job");
            assertThat(copy.baseUrl()).isEqualTo(original.baseUrl());
        }
    }

    @Test
    void toBuilderLeavesTheOriginalClientUnchanged() {
        try (PendoClient original =
                PendoClient.builder().integrationKey(KEY).region(Region.EU).build()) {
            PendoClient.Builder builder = original.toBuilder().region(Region.US);

            try (PendoClient us = builder.build();
                    PendoClient again = original.toBuilder().build()) {
                assertThat(us.region()).contains(Region.US);
                assertThat(again.region()).contains(Region.EU);
                assertThat(original.region()).contains(Region.EU);
            }
        }
    }

    @Test
    void neitherTheClientNorItsBuilderShowsTheKey() {
        try (PendoClient client = PendoClient.builder().integrationKey(KEY).build()) {
            assertThat(client.toString()).doesNotContain(KEY).contains("[redacted]");
            assertThat(client.toBuilder().toString()).doesNotContain(KEY);
            try (PendoClient copy = client.toBuilder().build()) {
                assertThat(copy.toString()).doesNotContain(KEY);
            }
        }
    }
}
