package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.track.TrackEvent;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Records, with schemas (Struct) or without (maps), as track events. */
class TrackMapperTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static final Schema PLAN = SchemaBuilder.struct()
            .field("name", Schema.STRING_SCHEMA)
            .field("seats", Schema.INT32_SCHEMA)
            .build();
    private static final Schema EVENT = SchemaBuilder.struct()
            .field("event", Schema.STRING_SCHEMA)
            .field("visitorId", Schema.STRING_SCHEMA)
            .field("accountId", Schema.OPTIONAL_STRING_SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .field("format", Schema.STRING_SCHEMA)
            .field("plan", PLAN)
            .build();

    private static TrackMapper mapper(FieldMapping properties, TrackMapper.EventId id, String idField) {
        return new TrackMapper(
                "", "event", "visitorId", "accountId", "timestamp", properties, id, idField, "event_id", () -> NOW);
    }

    private static SinkRecord record(Object key, Schema schema, Object value, Long timestamp) {
        return new SinkRecord("events", 0, null, key, schema, value, 42, timestamp, TimestampType.CREATE_TIME);
    }

    private static Struct struct() {
        return new Struct(EVENT)
                .put("event", "Report Exported")
                .put("visitorId", "v-1")
                .put("accountId", "acme")
                .put("timestamp", Date.from(AT))
                .put("format", "pdf")
                .put("plan", new Struct(PLAN).put("name", "pro").put("seats", 5));
    }

    private static Map<String, Object> map() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "pro");
        plan.put("seats", 5L);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("event", "Report Exported");
        value.put("visitorId", "v-1");
        value.put("accountId", "acme");
        value.put("timestamp", AT.toEpochMilli());
        value.put("format", "pdf");
        value.put("plan", plan);
        return value;
    }

    @Test
    void aStructAndTheSameSchemalessMapBecomeTheSameEventWithTheOtherFieldsAsProperties() {
        TrackMapper mapper = mapper(FieldMapping.parse(List.of()), TrackMapper.EventId.KEY, "");
        TrackEvent fromStruct = mapper.map(record("r-1", EVENT, struct(), null));
        TrackEvent fromMap = mapper.map(record("r-1", null, map(), null));
        assertThat(fromStruct.event()).isEqualTo("Report Exported");
        assertThat(fromStruct.visitorId()).isEqualTo("v-1");
        assertThat(fromStruct.accountId()).contains("acme");
        assertThat(fromStruct.timestamp()).isEqualTo(AT);
        assertThat(fromStruct.properties())
                .containsExactly(
                        Map.entry("format", "pdf"),
                        Map.entry("plan", Map.of("name", "pro", "seats", 5)),
                        Map.entry("event_id", "r-1"));
        assertThat(fromMap.toJson()).isEqualTo(fromStruct.toJson().replace("\"seats\":5", "\"seats\":5"));
        assertThat(fromMap.properties().keySet())
                .isEqualTo(fromStruct.properties().keySet());
    }

    @Test
    void aMappingPicksAndRenamesFieldsIncludingNestedOnesAndAFieldCanBeTheEventId() {
        Map<String, Object> value = map();
        value.put("id", 981L);
        TrackMapper mapper = mapper(
                FieldMapping.parse(List.of("format:file_type", "plan.seats:seats")), TrackMapper.EventId.FIELD, "id");
        TrackEvent event = mapper.map(record(null, null, value, null));
        assertThat(event.properties())
                .containsExactly(Map.entry("file_type", "pdf"), Map.entry("seats", 5L), Map.entry("event_id", "981"));
    }

    @Test
    void withoutATimeFieldTheRecordTimestampIsUsedAndWithoutEitherNow() {
        Map<String, Object> value = map();
        value.remove("timestamp");
        TrackMapper mapper = mapper(FieldMapping.parse(List.of()), TrackMapper.EventId.NONE, "");
        assertThat(mapper.map(record(null, null, value, AT.toEpochMilli())).timestamp())
                .isEqualTo(AT);
        assertThat(mapper.map(record(null, null, value, null)).timestamp()).isEqualTo(NOW);
        value.put("timestamp", "2026-12-06T08:00:00Z");
        assertThat(mapper.map(record(null, null, value, null)).timestamp())
                .isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
    }

    @Test
    void aRecordWithoutAVisitorIdIsUnmappableNamingTheFieldAndTheSetting() {
        Map<String, Object> value = map();
        value.remove("visitorId");
        TrackMapper mapper = mapper(FieldMapping.parse(List.of()), TrackMapper.EventId.NONE, "");
        assertThatThrownBy(() -> mapper.map(record(null, null, value, null)))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("'visitorId'")
                .hasMessageContaining("track.visitor.id.field");
    }

    @Test
    void aRecordThatIsNotAnObjectOrHasNoKeyForTheEventIdIsUnmappable() {
        TrackMapper byKey = mapper(FieldMapping.parse(List.of()), TrackMapper.EventId.KEY, "");
        assertThatThrownBy(() -> byKey.map(record("k", Schema.STRING_SCHEMA, "just text", null)))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("not a Struct or a map");
        assertThatThrownBy(() -> byKey.map(record(null, null, map(), null)))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("no key");
    }

    @Test
    void aPropertyNamePendoRefusesMakesTheRecordUnmappable() {
        Map<String, Object> value = new HashMap<>(map());
        value.put("__x__", 1);
        TrackMapper mapper = mapper(FieldMapping.parse(List.of()), TrackMapper.EventId.NONE, "");
        assertThatThrownBy(() -> mapper.map(record(null, null, value, null)))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("__x__");
    }
}
