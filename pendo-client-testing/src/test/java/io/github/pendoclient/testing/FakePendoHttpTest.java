package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.model.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the fake does with paths, request bodies and its {@code /_fake/} control endpoints. */
class FakePendoHttpTest {

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(
            FakePendo.builder().dataset(EndpointCalls.DATASET).build());

    static final FakePendo PENDO = EXTENSION.fake();

    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void clear() {
        PENDO.clearRequests();
        PENDO.clearFaults();
        PENDO.clearTrackEvents();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PENDO.baseUrl() + path))
                .header(
                        "x-pendo-integration-key",
                        path.startsWith("data/") ? PENDO.sharedSecret() : PENDO.integrationKey())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPlusInAPathIsAPlusNotASpace() throws Exception {
        HttpResponse<String> literal = send("GET", "api/v1/visitor/jane+x@example.com", null);
        HttpResponse<String> encoded = send("GET", "api/v1/visitor/jane%2Bx%40example.com", null);

        assertThat(literal.statusCode()).isEqualTo(200);
        assertThat(((Map<?, ?>) JsonValues.parse(literal.body())).get("id")).isEqualTo("jane+x@example.com");
        assertThat(encoded.body()).isEqualTo(literal.body());
        assertThat(send("GET", "api/v1/visitor/jane%20x@example.com", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSdkReadsAVisitorWhoseIdHasAPlus() {
        Visitor visitor = PENDO.client().visitors().get("jane+x@example.com");

        assertThat(visitor.visitorId()).isEqualTo("jane+x@example.com");
    }

    @Test
    void malformedBodiesOnRestEndpointsAre400InPendosShape() throws Exception {
        List<String[]> calls = List.of(
                new String[] {"PUT", "api/v1/guide/guide-1/state", "{\"state\": \"sideways\"}"},
                new String[] {"PUT", "api/v1/guide/guide-1/state", "not json"},
                new String[] {"PUT", "api/v1/metadata/visitor/custom/value/v-2/tier", "{unquoted"},
                new String[] {"POST", "api/v1/metadata/visitor/custom/value", "{\"visitorId\": \"v-2\"}"},
                new String[] {"POST", "api/v1/segment/upload", "[1, 2]"},
                new String[] {"POST", "api/v1/bulkdelete/visitor", "{\"visitors\": []}"},
                new String[] {"POST", "data/track", "{\"type\": \"track\"}"},
                new String[] {"POST", "data/track", ""});
        for (String[] call : calls) {
            HttpResponse<String> response = send(call[0], call[1], call[2]);

            assertThat(response.statusCode())
                    .as(String.join(" ", call) + " -> " + response.body())
                    .isEqualTo(400);
            assertThat(((Map<?, ?>) JsonValues.parse(response.body()))
                            .keySet().stream().map(String::valueOf).toList())
                    .contains("overall", "fields");
        }
    }

    @Test
    void aBodyOverEightMegabytesIs413() throws Exception {
        HttpResponse<String> response = send("POST", "api/v1/aggregation", "{\"x\":\"" + "a".repeat(9 << 20) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(((Map<?, ?>) JsonValues.parse(response.body()))
                        .keySet().stream().map(String::valueOf).toList())
                .contains("overall", "fields");
    }

    @Test
    void otherLanguagesReadRecordedRequestsAndTrackEventsAsJson() throws Exception {
        send("GET", "api/v1/visitor/v-2", null);
        send(
                "POST",
                "data/track",
                "{\"type\":\"track\",\"event\":\"Exported\",\"visitorId\":\"v-2\","
                        + "\"timestamp\":1793491200000,\"context\":{}}");

        List<?> requests =
                (List<?>) JsonValues.parse(send("GET", "_fake/requests", null).body());
        List<?> events = (List<?>)
                JsonValues.parse(send("GET", "_fake/track-events", null).body());

        assertThat(requests).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) requests.get(0);
        assertThat(first.get("method")).isEqualTo("GET");
        assertThat(first.get("path")).isEqualTo("/api/v1/visitor/v-2");
        assertThat(first.get("endpoint")).isEqualTo("VISITOR");
        assertThat(first.get("status")).isEqualTo(200L);
        assertThat(((Map<?, ?>) first.get("headers")).get("x-pendo-integration-key"))
                .isEqualTo("[redacted]");
        assertThat(events).hasSize(1);
        assertThat(((Map<?, ?>) events.get(0)).get("event")).isEqualTo("Exported");
        assertThat(PENDO.requests()).hasSize(2);
    }

    @Test
    void otherLanguagesScriptFaults() throws Exception {
        HttpResponse<String> scripted = send(
                "POST",
                "_fake/faults",
                "{\"endpoint\": \"VISITOR\", \"status\": 429, \"retryAfterSeconds\": 3, \"times\": 2}");
        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(send("POST", "_fake/faults", "{\"endpoint\": \"ACCOUNT\", \"fault\": \"disconnectMidBody\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "_fake/faults", null).body()).isEqualTo("{\"pending\":3}");

        HttpResponse<String> first = send("GET", "api/v1/visitor/v-2", null);
        HttpResponse<String> second = send("GET", "api/v1/visitor/v-2", null);
        HttpResponse<String> third = send("GET", "api/v1/visitor/v-2", null);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "_fake/faults", null).statusCode()).isEqualTo(200);
        assertThat(PENDO.pendingFaults()).isZero();
    }

    @Test
    void aBadFaultScriptIs400SayingWhatIsAllowed() throws Exception {
        HttpResponse<String> unknownEndpoint =
                send("POST", "_fake/faults", "{\"endpoint\": \"MOON\", \"status\": 500}");
        HttpResponse<String> unknownFault =
                send("POST", "_fake/faults", "{\"endpoint\": \"VISITOR\", \"fault\": \"x\"}");

        assertThat(unknownEndpoint.statusCode()).isEqualTo(400);
        assertThat(unknownEndpoint.body()).contains("AGGREGATION");
        assertThat(unknownFault.statusCode()).isEqualTo(400);
        assertThat(unknownFault.body()).contains("disconnectMidBody");
        assertThat(PENDO.pendingFaults()).isZero();
    }

    @Test
    void deletingTheRequestsKeepsTheQueuedFaults() throws Exception {
        send("POST", "_fake/faults", "{\"endpoint\": \"VISITOR\", \"status\": 500}");
        send("GET", "api/v1/visitor/v-2", null);
        send("POST", "_fake/faults", "{\"endpoint\": \"ACCOUNT\", \"status\": 503}");

        HttpResponse<String> deleted = send("DELETE", "_fake/requests", null);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(send("GET", "_fake/requests", null).body()).isEqualTo("[]");
        assertThat(send("GET", "_fake/faults", null).body()).isEqualTo("{\"pending\":1}");
    }

    @Test
    void deletingTheTrackEventsForgetsThemAndNothingElse() throws Exception {
        send(
                "POST",
                "data/track",
                "{\"type\":\"track\",\"event\":\"Exported\",\"visitorId\":\"v-2\","
                        + "\"timestamp\":1793491200000,\"context\":{}}");

        HttpResponse<String> deleted = send("DELETE", "_fake/track-events", null);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(send("GET", "_fake/track-events", null).body()).isEqualTo("[]");
        assertThat(PENDO.trackEvents()).isEmpty();
        assertThat(PENDO.requestCount(Endpoint.TRACK)).isEqualTo(1);
    }

    @Test
    void clearTrackEventsForgetsTheAcceptedEvents() throws Exception {
        send(
                "POST",
                "data/track",
                "{\"type\":\"track\",\"event\":\"Exported\",\"visitorId\":\"v-2\","
                        + "\"timestamp\":1793491200000,\"context\":{}}");
        assertThat(PENDO.trackEvents()).hasSize(1);

        PENDO.clearTrackEvents();

        assertThat(PENDO.trackEvents()).isEmpty();
        assertThat(send("GET", "_fake/track-events", null).body()).isEqualTo("[]");
    }

    @Test
    void clearRequestsKeepsTheQueuedFaultsAndClearFaultsDropsThem() {
        PENDO.enqueueFault(Endpoint.VISITOR, Fault.status(500).times(2));

        PENDO.clearRequests();
        int afterClearRequests = PENDO.pendingFaults();
        PENDO.clearFaults();

        assertThat(afterClearRequests).isEqualTo(2);
        assertThat(PENDO.pendingFaults()).isZero();
    }
}
