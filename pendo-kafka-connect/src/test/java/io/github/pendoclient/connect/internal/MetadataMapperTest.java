package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.resource.MetadataRow;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Records as metadata rows, typed by Pendo's metadata schema. */
class MetadataMapperTest {

    private static final Instant RENEWAL = Instant.parse("2027-01-31T00:00:00Z");

    private static final Map<String, String> CUSTOM = Map.of(
            "plan_tier", "string", "seats", "integer", "beta_opt_in", "boolean", "renewal", "time", "score", "float");

    private static MetadataMapper mapper(String idField, List<String> mapping) {
        return new MetadataMapper("visitor", "custom", idField, FieldMapping.parse(mapping), CUSTOM);
    }

    private static SinkRecord record(Object key, Schema schema, Object value) {
        return new SinkRecord("profiles", 0, null, key, schema, value, 7);
    }

    @Test
    void aStructsFieldsAreTypedByTheSchemaAndTheKeyIsTheId() {
        Schema schema = SchemaBuilder.struct()
                .field("plan_tier", Schema.STRING_SCHEMA)
                .field("seats", Schema.INT32_SCHEMA)
                .field("beta_opt_in", Schema.BOOLEAN_SCHEMA)
                .field("renewal", Timestamp.SCHEMA)
                .field("score", Schema.INT64_SCHEMA)
                .build();
        Struct value = new Struct(schema)
                .put("plan_tier", "gold")
                .put("seats", 12)
                .put("beta_opt_in", true)
                .put("renewal", Date.from(RENEWAL))
                .put("score", 3L);
        MetadataRow row = mapper("", List.of()).map(record("v-9", Schema.STRING_SCHEMA, value));
        assertThat(row.id()).isEqualTo("v-9");
        assertThat(row.values())
                .containsExactly(
                        Map.entry("plan_tier", "gold"),
                        Map.entry("seats", 12L),
                        Map.entry("beta_opt_in", true),
                        Map.entry("renewal", RENEWAL.toEpochMilli()),
                        Map.entry("score", 3.0));
    }

    @Test
    void aSchemalessMapWithTextValuesIsConvertedToTheFieldsTypesAndTheIdComesFromAMappedField() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("user", Map.of("id", "v-3"));
        value.put("tier", 7L);
        value.put("seats", "40");
        value.put("beta", "TRUE");
        value.put("renewal", RENEWAL.toString());
        value.put("ignored", "x");
        MetadataRow row = mapper("user.id", List.of("tier:plan_tier", "seats", "beta:beta_opt_in", "renewal"))
                .map(record(null, null, value));
        assertThat(row.id()).isEqualTo("v-3");
        assertThat(row.values())
                .containsExactly(
                        Map.entry("plan_tier", "7"),
                        Map.entry("seats", 40L),
                        Map.entry("beta_opt_in", true),
                        Map.entry("renewal", RENEWAL.toEpochMilli()));
    }

    @Test
    void aFieldTheGroupDoesNotDefineIsUnmappableNamingTheFieldAndGroup() {
        assertThatThrownBy(() -> mapper("", List.of()).map(record("v-1", null, Map.of("shoe_size", 44L))))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("'shoe_size'")
                .hasMessageContaining("group 'custom'")
                .hasMessageContaining("Data Mappings");
    }

    @Test
    void aValueThatDoesNotConvertToItsTypeIsUnmappableNamingTheTypeAndTheValue() {
        assertThatThrownBy(() -> mapper("", List.of()).map(record("v-1", null, Map.of("seats", "many"))))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("'seats'")
                .hasMessageContaining("'integer'")
                .hasMessageContaining("'many'");
        assertThatThrownBy(() -> mapper("", List.of()).map(record("v-1", null, Map.of("seats", 2.5))))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("2.5");
    }

    @Test
    void aRecordWithoutAnIdIsUnmappable() {
        assertThatThrownBy(() -> mapper("", List.of()).map(record(null, null, Map.of("seats", 2L))))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("record key");
    }
}
