package io.github.pendoclient.resource;

import static io.github.pendoclient.resource.ResourceFixture.body;
import static io.github.pendoclient.resource.ResourceFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.model.MetadataSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetadataResourceTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void schemaReadsPendosMixedKeyCasing() {
        fixture.respond("metadata-schema.json");

        MetadataSchema schema = fixture.client.metadata().schema(MetadataKind.ACCOUNT);

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/metadata/schema/account");
        assertThat(schema.groups()).containsOnlyKeys("auto", "agent", "custom", "pendo");
        assertThat(schema.field("auto", "lastvisit")).hasValueSatisfying(field -> {
            assertThat(field.type()).isEqualTo("time");
            assertThat(field.displayName()).isEqualTo("Last Visit");
            assertThat(field.dirty()).isFalse();
            assertThat(field.isHidden()).isFalse();
            assertThat(field.neverIndex()).isFalse();
        });
        assertThat(schema.field("agent", "email").orElseThrow().sample()).isEqualTo("jane@example.com");
    }

    @Test
    void getAndSetOneValueWithARawJsonBody() {
        fixture.respond(200, "\"Pro\"");
        fixture.respond(200, "");
        fixture.respond(200, "");

        assertThat(fixture.client.metadata().get(MetadataKind.VISITOR, "custom", "v/1", "planlevel"))
                .isEqualTo("Pro");
        fixture.client.metadata().set(MetadataKind.VISITOR, "custom", "v/1", "planlevel", "YES");
        fixture.client.metadata().set(MetadataKind.ACCOUNT, "pendo", "a1", "donotprocess", true);

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/metadata/visitor/custom/value/v%2F1/planlevel");
        RecordedRequest set = fixture.take();
        assertThat(set.getMethod()).isEqualTo("PUT");
        assertThat(set.getTarget()).isEqualTo("/api/v1/metadata/visitor/custom/value/v%2F1/planlevel");
        assertThat(body(set)).isEqualTo("\"YES\"");
        assertThat(body(fixture.take())).isEqualTo("true");
    }

    @Test
    void bulkUpdateSendsChunksAndCombinesTheResults() {
        fixture.respond("metadata-bulk-result.json");
        fixture.respond(200, "{\"total\":2,\"updated\":2,\"failed\":0,\"missing\":[],\"errors\":[]}");
        List<MetadataRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new MetadataRow("v-" + i, Map.of("planlevel", "Pro")));
        }

        BulkUpdateReport report = fixture.client
                .metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        rows,
                        BulkUpdateOptions.builder().chunkSize(3).create(true).build());

        RecordedRequest first = fixture.take();
        assertThat(first.getMethod()).isEqualTo("POST");
        assertThat(first.getTarget()).isEqualTo("/api/v1/metadata/visitor/custom/value?create=true");
        assertThat(body(first))
                .isEqualTo("[{\"visitorId\":\"v-0\",\"values\":{\"planlevel\":\"Pro\"}},"
                        + "{\"visitorId\":\"v-1\",\"values\":{\"planlevel\":\"Pro\"}},"
                        + "{\"visitorId\":\"v-2\",\"values\":{\"planlevel\":\"Pro\"}}]");
        assertThat(body(fixture.take())).contains("\"v-3\"", "\"v-4\"").doesNotContain("\"v-2\"");
        assertThat(report.total()).isEqualTo(5);
        assertThat(report.updated()).isEqualTo(4);
        assertThat(report.missing()).containsExactly("v-unknown");
        assertThat(report.requests()).isEqualTo(2);
        assertThat(report.complete()).isFalse();
    }

    @Test
    void bulkUpdateSumsTheCountersPendoReportedWhenAnAnswerLacksOneOrSendsAFraction() {
        fixture.respond(200, "{\"total\":\"2\",\"missing\":[\"v-0\"]}");
        fixture.respond(200, "{\"total\":1,\"updated\":1.5,\"failed\":\"1\"}");
        List<MetadataRow> rows = List.of(
                MetadataRow.of("v-0", "plan", "Pro"),
                MetadataRow.of("v-1", "plan", "Pro"),
                MetadataRow.of("v-2", "plan", "Pro"));

        BulkUpdateReport report = fixture.client
                .metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        rows,
                        BulkUpdateOptions.builder().chunkSize(2).build());

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.updated()).isZero();
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.missing()).containsExactly("v-0");
        assertThat(report.requests()).isEqualTo(2);
    }

    @Test
    void accountRowsCarryAccountIdAndInstantsAreMillis() {
        fixture.respond(200, "{\"total\":1,\"updated\":1,\"failed\":0,\"missing\":[],\"errors\":[]}");

        BulkUpdateReport report = fixture.client
                .metadata()
                .bulkUpdate(
                        MetadataKind.ACCOUNT,
                        "custom",
                        List.of(MetadataRow.of("acme", "renewaldate", Instant.ofEpochMilli(1767225600000L))));

        RecordedRequest request = fixture.take();
        assertThat(request.getTarget()).isEqualTo("/api/v1/metadata/account/custom/value");
        assertThat(body(request)).isEqualTo("[{\"accountId\":\"acme\",\"values\":{\"renewaldate\":1767225600000}}]");
        assertThat(report.complete()).isTrue();
    }

    @Test
    void splitRetriesIsolateTheRejectedRowAndApplyTheRest() {
        List<String> applied = new CopyOnWriteArrayList<>();
        fixture.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = body(request);
                if (body.contains("\"v-bad\"")) {
                    return json(400, "{\"overall\":\"invalid value for field planlevel\"}");
                }
                int rows = body.split("visitorId").length - 1;
                for (String part : body.split("\"visitorId\":\"")) {
                    if (part.startsWith("v-")) {
                        applied.add(part.substring(0, part.indexOf('"')));
                    }
                }
                return json(
                        200,
                        "{\"total\":" + rows + ",\"updated\":" + rows + ",\"failed\":0,\"missing\":[],\"errors\":[]}");
            }
        });
        List<MetadataRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(MetadataRow.of(i == 5 ? "v-bad" : "v-" + i, "planlevel", "Pro"));
        }

        BulkUpdateReport report = fixture.client.metadata().bulkUpdate(MetadataKind.VISITOR, "custom", rows);

        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.row().id()).isEqualTo("v-bad");
            assertThat(rejected.reason()).contains("invalid value for field planlevel");
        });
        assertThat(applied).containsExactlyInAnyOrder("v-0", "v-1", "v-2", "v-3", "v-4", "v-6", "v-7");
        assertThat(report.updated()).isEqualTo(7);
        // 1 batch of 8, halves of 4, quarters of 2, then the two single rows of the failing pair.
        assertThat(report.requests()).isEqualTo(1 + 2 + 2 + 2);
    }

    @Test
    void withoutSplitRetriesTheWholeBatchIsReportedRejected() {
        fixture.respond(422, "{\"overall\":{},\"fields\":{\"values\":\"bad\"}}");

        BulkUpdateReport report = fixture.client
                .metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        List.of(MetadataRow.of("v-1", "planlevel", "Pro"), MetadataRow.of("v-2", "planlevel", "Pro")),
                        BulkUpdateOptions.builder().splitRetries(false).build());

        assertThat(report.rejected()).hasSize(2);
        assertThat(report.requests()).isEqualTo(1);
    }

    @Test
    void validationAgainstTheSchemaRejectsRowsBeforeSending() {
        fixture.respond("metadata-schema.json");
        fixture.respond(200, "{\"total\":1,\"updated\":1,\"failed\":0,\"missing\":[],\"errors\":[]}");

        BulkUpdateReport report = fixture.client
                .metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        List.of(
                                new MetadataRow(
                                        "ok", Map.of("seats", 12L, "trial", true, "renewaldate", Instant.EPOCH)),
                                MetadataRow.of("wrong-type", "seats", "twelve"),
                                MetadataRow.of("unknown-field", "colour", "red")),
                        BulkUpdateOptions.builder().validateTypes(true).build());

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/metadata/schema/visitor");
        String sent = body(fixture.take());
        assertThat(sent).contains("\"ok\"").doesNotContain("wrong-type", "unknown-field");
        assertThat(report.rejected())
                .extracting(rejected -> rejected.row().id())
                .containsExactly("wrong-type", "unknown-field");
        assertThat(report.rejected().get(0).reason()).contains("Type 'integer'");
        assertThat(report.rejected().get(1).reason()).contains("not defined");
    }
}
