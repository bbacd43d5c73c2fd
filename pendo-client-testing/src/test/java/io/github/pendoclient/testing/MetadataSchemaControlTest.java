package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PUT} and {@code DELETE /_fake/metadata-schema/{kind}/{group}/{field}}: schema changes for any language. */
class MetadataSchemaControlTest {

    @RegisterExtension
    final FakePendoExtension extension = FakePendoExtension.create(FakePendo.builder()
            .dataset(Dataset.builder()
                    .metadataField("visitor", "custom", "mrr", MetadataType.NUMBER)
                    .build())
            .build());

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        FakePendo pendo = extension.fake();
        HttpRequest request = HttpRequest.newBuilder(URI.create(pendo.baseUrl() + path))
                .header("x-pendo-integration-key", pendo.integrationKey())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, Object>>> servedSchema() throws Exception {
        return (Map<String, Map<String, Map<String, Object>>>) JsonValues.parse(
                send("GET", "api/v1/metadata/schema/visitor", null).body());
    }

    @Test
    void putAddsAFieldThatTheSchemaEndpointServes() throws Exception {
        HttpResponse<String> put =
                send("PUT", "_fake/metadata-schema/visitor/hubspot/deal_stage", "{\"type\":\"string\"}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(servedSchema().get("hubspot").get("deal_stage")).containsEntry("Type", "string");
        assertThat(extension.fake().dataset().metadataSchema("visitor").get("hubspot"))
                .containsKey("deal_stage");
    }

    @Test
    void putGivesAFieldAnotherType() throws Exception {
        send("PUT", "_fake/metadata-schema/visitor/custom/mrr", "{\"type\":\"string\"}");

        assertThat(servedSchema().get("custom").get("mrr")).containsEntry("Type", "string");
    }

    @Test
    void deleteTakesAFieldOut() throws Exception {
        HttpResponse<String> delete = send("DELETE", "_fake/metadata-schema/visitor/custom/mrr", null);

        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(servedSchema()).doesNotContainKey("custom");
    }

    @Test
    void anUnknownTypeOrKindIs400AndChangesNothing() throws Exception {
        HttpResponse<String> type = send("PUT", "_fake/metadata-schema/visitor/custom/mrr", "{\"type\":\"money\"}");
        HttpResponse<String> kind = send("PUT", "_fake/metadata-schema/people/custom/mrr", "{\"type\":\"string\"}");

        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(type.body()).contains("money", "string, float, integer, boolean, time, list, object");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("visitor or account");
        assertThat(servedSchema().get("custom").get("mrr")).containsEntry("Type", "float");
    }
}
