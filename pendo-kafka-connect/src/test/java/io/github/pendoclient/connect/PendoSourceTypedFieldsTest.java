package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaProjector;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/**
 * The value schema of {@code visitors} carries a typed field per metadata schema field, and a field added to
 * Pendo's schema between two task runs evolves the value schema compatibly: new optional fields, the others as
 * they were.
 */
class PendoSourceTypedFieldsTest {

    private static final Instant NOW = Instant.parse("2026-11-10T00:00:00Z");
    private static final long UPDATED = 1_790_000_000_000L;

    private static Dataset dataset(boolean regionAdded) {
        Dataset.Builder builder = Dataset.builder();
        for (int i = 0; i < 6; i++) {
            boolean updated = regionAdded && i < 2;
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("email", "visitor" + i + "@example.com");
            agent.put("seats", i == 3 ? "42" : (Object) (long) (i * 10));
            agent.put("renewal", UPDATED + i);
            if (updated) {
                agent.put("region", "emea");
            }
            builder.visitor(
                    "v" + i,
                    Map.of(
                            "auto",
                            Map.of("lastupdated", UPDATED + i * 1_000L + (updated ? 100_000 : 0)),
                            "agent",
                            agent));
        }
        builder.metadataField("visitor", "auto", "lastupdated", "time")
                .metadataField("visitor", "agent", "email", "string")
                .metadataField("visitor", "agent", "seats", "integer")
                .metadataField("visitor", "agent", "renewal", "time");
        if (regionAdded) {
            builder.metadataField("visitor", "agent", "region", "string");
        }
        return builder.build();
    }

    /** One cycle of {@code visitors}, resuming from the committed offset if any. */
    private static List<SourceRecord> cycle(FakePendo fake, Map<String, Object> committed, String form)
            throws InterruptedException {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSourceConfig.INTEGRATION_KEY, fake.integrationKey());
        props.put(PendoSourceConfig.BASE_URL, fake.baseUrl().toString());
        props.put(PendoSourceConfig.TABLES, "visitors");
        props.put(PendoSourceConfig.METADATA_COLUMNS, form);
        props.put(PendoSourceTask.TASK_TABLES, "visitors");
        PendoSourceTask task = new PendoSourceTask(
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PendoSourceTask.Waiter() {
                    @Override
                    public void await(Duration duration) {}

                    @Override
                    public void wake() {}
                },
                Duration.ofMinutes(5));
        task.initialize(new Context(committed));
        task.start(props);
        List<SourceRecord> all = new ArrayList<>();
        try {
            for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
                all.addAll(batch);
            }
        } finally {
            task.stop();
        }
        return all;
    }

    private static Struct value(List<SourceRecord> records, String visitorId) {
        return records.stream()
                .map(record -> (Struct) record.value())
                .filter(value -> visitorId.equals(value.get("visitor_id")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theValueSchemaHasAnOptionalTypedFieldPerMetadataFieldWithItsValue() throws Exception {
        List<SourceRecord> records;
        try (FakePendo fake =
                FakePendo.builder().dataset(dataset(false)).build().start()) {
            records = cycle(fake, null, "typed");
        }

        Schema schema = records.get(0).valueSchema();
        assertThat(schema.field("agent_email").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(schema.field("agent_seats").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        assertThat(schema.field("agent_renewal").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(schema.field("agent_renewal").schema().isOptional()).isTrue();
        assertThat(value(records, "v2").get("agent_seats")).isEqualTo(20L);
        assertThat(value(records, "v3").get("agent_seats"))
                .as("\"42\" for an integer")
                .isEqualTo(42L);
        assertThat(value(records, "v2").get("agent_email")).isEqualTo("visitor2@example.com");
        assertThat(value(records, "v2").get("metadata")).asString().contains("\"seats\":20");
    }

    @Test
    void aFieldAddedToTheSchemaEvolvesTheValueSchemaWithANewOptionalFieldAndReadsOnlyWhatChanged() throws Exception {
        List<SourceRecord> first;
        try (FakePendo fake =
                FakePendo.builder().dataset(dataset(false)).build().start()) {
            first = cycle(fake, null, "typed");
        }
        Map<String, Object> committed =
                new HashMap<>(first.get(first.size() - 1).sourceOffset());

        List<SourceRecord> second;
        try (FakePendo fake = FakePendo.builder().dataset(dataset(true)).build().start()) {
            second = cycle(fake, committed, "typed");
        }

        assertThat(second).as("the two visitors updated since").hasSize(2);
        Schema before = first.get(0).valueSchema();
        Schema after = second.get(0).valueSchema();
        for (Field field : before.fields()) {
            assertThat(after.field(field.name()).schema()).as(field.name()).isEqualTo(field.schema());
            assertThat(after.field(field.name()).index()).isEqualTo(field.index());
        }
        assertThat(after.fields()).hasSize(before.fields().size() + 1);
        assertThat(after.field("agent_region").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(value(second, "v0").get("agent_region")).isEqualTo("emea");
        // Compatible: a record of the first schema reads in the second, the new field null.
        Struct projected = (Struct) SchemaProjector.project(before, first.get(0).value(), after);
        assertThat(projected.get("agent_region")).isNull();
        assertThat(projected.get("agent_email"))
                .isEqualTo(((Struct) first.get(0).value()).get("agent_email"));
    }

    @Test
    void theJsonFormHasNoFieldColumns() throws Exception {
        List<SourceRecord> records;
        try (FakePendo fake =
                FakePendo.builder().dataset(dataset(false)).build().start()) {
            records = cycle(fake, null, "json");
        }

        assertThat(records.get(0).valueSchema().field("agent_email")).isNull();
        assertThat(records.get(0).valueSchema().field("metadata")).isNotNull();
    }

    /** A task context whose offset store holds one committed offset for every partition, or none. */
    private static final class Context implements SourceTaskContext {
        private final Map<String, Object> committed;

        Context(Map<String, Object> committed) {
            this.committed = committed;
        }

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return committed;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                    for (Map<String, T> partition : partitions) {
                        result.put(partition, committed);
                    }
                    return result;
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
