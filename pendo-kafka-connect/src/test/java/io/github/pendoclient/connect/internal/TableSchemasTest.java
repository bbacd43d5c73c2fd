package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class TableSchemasTest {

    private static final Table VISITORS = TableRegistry.standard().get("visitors");

    private static Map<String, Object> visitor() {
        Map<String, Object> auto = new LinkedHashMap<>();
        auto.put("accountid", "acme");
        auto.put("lastupdated", 1_700_000_000_000L);
        auto.put("firstvisit", 1_600_000_000_000L);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("auto", auto);
        metadata.put("agent", Map.of("role", "admin"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", "v-1");
        row.put("metadata", metadata);
        return row;
    }

    @Test
    void valueHasOneFieldPerDeclaredColumnInOrder() {
        TableSchemas schemas = new TableSchemas(VISITORS);
        assertThat(schemas.valueSchema().fields().stream().map(Field::name).toList())
                .isEqualTo(VISITORS.columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void timestampColumnsUseConnectsTimestampType() {
        Schema lastUpdated =
                new TableSchemas(VISITORS).valueSchema().field("last_updated").schema();
        assertThat(lastUpdated.name()).isEqualTo(Timestamp.LOGICAL_NAME);
        Struct value = new TableSchemas(VISITORS).value(visitor());
        assertThat(value.get("last_updated")).isEqualTo(new Date(1_700_000_000_000L));
    }

    @Test
    void metadataGroupsAreJsonTextKeepingMembersTheDeclarationDoesNotName() {
        Struct value = new TableSchemas(VISITORS).value(visitor());
        assertThat(value.schema().field("metadata").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(value.getString("metadata"))
                .contains("\"agent\":{\"role\":\"admin\"}")
                .contains("\"accountid\":\"acme\"");
    }

    @Test
    void missingMembersAreNullNotErrors() {
        Struct value = new TableSchemas(VISITORS).value(visitor());
        assertThat(value.get("last_visit")).isNull();
        value.validate();
    }

    @Test
    void aFractionalCounterIsANullInt64FieldAndKeptAsSentInRaw() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pageId", "p1");
        row.put("visitorId", "v-1");
        row.put("day", 1_700_000_000_000L);
        row.put("numEvents", 5.5);
        row.put("numMinutes", 3L);

        Struct value = new TableSchemas(TableRegistry.standard().get("page_events")).value(row);

        value.validate();
        assertThat(value.schema().field("num_events").schema().type()).isEqualTo(Schema.Type.INT64);
        assertThat(value.get("num_events")).isNull();
        assertThat(value.get("num_minutes")).isEqualTo(3L);
        assertThat(value.getString("raw")).contains("\"numEvents\":5.5");
    }

    @Test
    void keyIsAStructOfThePrimaryKeyColumns() {
        TableSchemas schemas = new TableSchemas(VISITORS);
        assertThat(schemas.keySchema().type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(schemas.keySchema().fields().stream().map(Field::name).toList())
                .isEqualTo(List.of("visitor_id"));
        assertThat(schemas.key(visitor()).getString("visitor_id")).isEqualTo("v-1");
    }

    @Test
    void eventKeysHoldEveryKeyColumnWithTheirTypes() {
        Table pageEvents = TableRegistry.standard().get("page_events");
        TableSchemas schemas = new TableSchemas(pageEvents);
        assertThat(schemas.keySchema().fields().stream().map(Field::name).toList())
                .isEqualTo(pageEvents.primaryKey());
        assertThat(schemas.keySchema().field("period_start").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(schemas.keySchema().field("app_id").schema().type()).isEqualTo(Schema.Type.INT64);
    }

    @Test
    void everyTableTheConnectorReadsHasSchemasThatValidateAnEmptyRow() {
        for (Table table : TableRegistry.standard().tables()) {
            TableSchemas schemas = new TableSchemas(table);
            schemas.value(Map.of()).validate();
            schemas.key(Map.of()).validate();
        }
    }
}
