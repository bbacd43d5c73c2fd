package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.resource.BulkUpdateOptions;
import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk metadata writes as the push engine relies on them: missing ids, created people, and the schema growing. */
class FakePendoMetadataWritesTest {

    private FakePendo pendo;
    private PendoClient client;

    @BeforeEach
    void start() {
        pendo = FakePendo.builder()
                .dataset(Dataset.builder()
                        .metadataField("visitor", "custom", "plan", "string")
                        .visitor("v-1", Map.of("custom", Map.of()))
                        .build())
                .build()
                .start();
        client = pendo.client();
    }

    @AfterEach
    void stop() {
        pendo.close();
    }

    @Test
    void writingAFieldTheSchemaLacksCreatesItTypedFromTheValue() {
        BulkUpdateReport report = client.metadata()
                .bulkUpdate(MetadataKind.VISITOR, "custom", List.of(MetadataRow.of("v-1", "health", 87L)));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(client.metadata().schema(MetadataKind.VISITOR).field("custom", "health"))
                .hasValueSatisfying(field -> assertThat(field.type()).isEqualTo("integer"));
        assertThat(client.visitors().get("v-1").group("custom")).containsEntry("health", 87L);
    }

    @Test
    void aCreatedFieldThenRefusesAValueOfAnotherTypeForThatRowAlone() {
        client.metadata().bulkUpdate(MetadataKind.VISITOR, "custom", List.of(MetadataRow.of("v-1", "tier", "gold")));

        BulkUpdateReport report = client.metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        List.of(MetadataRow.of("v-1", "tier", 3L), MetadataRow.of("v-2", "tier", "x")),
                        BulkUpdateOptions.builder().create(true).build());

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.errors()).singleElement().asString().startsWith("v-1:");
        assertThat(client.visitors().get("v-2").group("custom")).containsEntry("tier", "x");
    }

    @Test
    void anUnknownIdComesBackMissingAndIsNotCreated() {
        BulkUpdateReport report = client.metadata()
                .bulkUpdate(MetadataKind.VISITOR, "custom", List.of(MetadataRow.of("v-404", "plan", "pro")));

        assertThat(report.missing()).containsExactly("v-404");
        assertThatThrownBy(() -> client.visitors().get("v-404")).isInstanceOf(NotFoundException.class);
    }
}
