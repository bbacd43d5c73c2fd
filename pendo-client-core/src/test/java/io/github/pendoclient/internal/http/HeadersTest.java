package io.github.pendoclient.internal.http;

import static io.github.pendoclient.internal.http.StackFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.CoreAccess;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeadersTest {

    private final StackFixture fixture = new StackFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyRequestCarriesTheKeyJsonContentTypeAndUserAgent() {
        fixture.enqueue(json(200, "{\"visitorId\":\"v1\"}"));

        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.visitor("v1"));

        RecordedRequest request = fixture.take();
        assertThat(request.getHeaders().get("x-pendo-integration-key")).isEqualTo(StackFixture.KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent"))
                .startsWith("pendo-client-java/0.1.0")
                .contains("(Java " + System.getProperty("java.version") + ";")
                .endsWith(" stack-test/1.0");
    }

    @Test
    void postBodiesAreJson() {
        fixture.enqueue(json(200, "{\"startTime\":1,\"results\":[]}"));

        CoreAccess.view(fixture.client, PendoHttp.class)
                .execute(fixture.api.aggregate(Map.of("request", Map.of("pipeline", java.util.List.of()))));

        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"request\":{\"pipeline\":[]}}");
    }

    @Test
    void pathParametersAreEncoded() {
        fixture.enqueue(json(200, "{}"));

        CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.visitor("a/b c#d%e\"é"));

        assertThat(fixture.take().getUrl().encodedPath()).isEqualTo("/api/v1/visitor/a%2Fb%20c%23d%25e%22%C3%A9");
    }
}
