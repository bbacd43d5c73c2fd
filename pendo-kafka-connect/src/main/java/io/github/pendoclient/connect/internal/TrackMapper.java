package io.github.pendoclient.connect.internal;

import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record as one track event: the name (fixed, or from a field), the visitor id (required), the account id and
 * the time (from fields, else the record's timestamp, else now), the properties (mapped fields, or every field not
 * used for those), and the unique event id (the key or a field) as one more property.
 */
public final class TrackMapper {

    /** Where the unique event id comes from. */
    public enum EventId {
        /** The record key. */
        KEY,
        /** A field of the value. */
        FIELD,
        /** No event id. */
        NONE
    }

    private final String fixedName;
    private final String nameField;
    private final String visitorField;
    private final String accountField;
    private final String timeField;
    private final FieldMapping properties;
    private final EventId eventId;
    private final String eventIdField;
    private final String eventIdProperty;
    private final Supplier<Instant> now;
    private final Set<String> used = new HashSet<>();

    /**
     * A mapper.
     *
     * @param fixedName the event name for every record, or empty to read {@code nameField}
     * @param nameField the field with the name
     * @param visitorField the field with the visitor id
     * @param accountField the field with the account id, or empty
     * @param timeField the field with the time, or empty
     * @param properties the property mapping
     * @param eventId where the unique id comes from
     * @param eventIdField the field with the id, for {@link EventId#FIELD}
     * @param eventIdProperty the property that carries the id
     * @param now the time of a record without one
     */
    public TrackMapper(
            String fixedName,
            String nameField,
            String visitorField,
            String accountField,
            String timeField,
            FieldMapping properties,
            EventId eventId,
            String eventIdField,
            String eventIdProperty,
            Supplier<Instant> now) {
        this.fixedName = fixedName;
        this.nameField = nameField;
        this.visitorField = visitorField;
        this.accountField = accountField;
        this.timeField = timeField;
        this.properties = properties;
        this.eventId = eventId;
        this.eventIdField = eventIdField;
        this.eventIdProperty = eventIdProperty;
        this.now = now;
        for (String field : List.of(nameField, visitorField, accountField, timeField, eventIdField)) {
            if (!field.isEmpty()) {
                used.add(field.split("\\.", 2)[0]);
            }
        }
        if (!fixedName.isEmpty()) {
            used.remove(nameField);
        }
        if (eventId != EventId.FIELD) {
            used.remove(eventIdField);
        }
    }

    /**
     * Maps a record.
     *
     * @param record the record
     * @return the event
     * @throws UnmappableRecordException saying which field is missing or wrong
     */
    public TrackEvent map(SinkRecord record) {
        Map<String, Object> fields = RecordValues.fields(record.value());
        String name = fixedName.isEmpty() ? required(fields, nameField, "the event name") : fixedName;
        String visitor = RecordValues.id(
                RecordValues.find(fields, visitorField)
                        .orElseThrow(() -> missing(visitorField, "the visitor id", "track.visitor.id.field")),
                "the visitor id (" + visitorField + ")");
        TrackEvent.Builder event = TrackEvent.builder().event(name).visitorId(visitor);
        if (!accountField.isEmpty()) {
            RecordValues.find(fields, accountField)
                    .ifPresent(account ->
                            event.accountId(RecordValues.id(account, "the account id (" + accountField + ")")));
        }
        Object time = timeField.isEmpty()
                ? null
                : RecordValues.find(fields, timeField).orElse(null);
        if (time != null) {
            event.timestamp(RecordValues.instant(time, "the event time (" + timeField + ")"));
        } else if (record.timestamp() != null && record.timestamp() >= 0) {
            event.timestamp(Instant.ofEpochMilli(record.timestamp()));
        } else {
            event.timestamp(now.get());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        properties.apply(fields, used).forEach((key, value) -> props.put(key, propertyValue(value)));
        switch (eventId) {
            case KEY -> {
                if (record.key() == null) {
                    throw new UnmappableRecordException("the record has no key, and track.event.id=key takes the"
                            + " unique event id from it; give records a key, or set track.event.id=field or none");
                }
                props.put(eventIdProperty, keyText(record.key()));
            }
            case FIELD ->
                props.put(
                        eventIdProperty,
                        RecordValues.id(
                                RecordValues.find(fields, eventIdField)
                                        .orElseThrow(() ->
                                                missing(eventIdField, "the unique event id", "track.event.id.field")),
                                "the unique event id (" + eventIdField + ")"));
            case NONE -> {}
        }
        event.properties(props);
        try {
            return event.build();
        } catch (InvalidTrackEventException e) {
            throw new UnmappableRecordException("the track event is not valid: " + e.getMessage());
        }
    }

    private static String required(Map<String, Object> fields, String field, String what) {
        return RecordValues.id(
                RecordValues.find(fields, field).orElseThrow(() -> missing(field, what, "track.event.name.field")),
                what + " (" + field + ")");
    }

    private static UnmappableRecordException missing(String field, String what, String setting) {
        return new UnmappableRecordException(
                "the record has no field '" + field + "' with " + what + " (" + setting + ")");
    }

    private static String keyText(Object key) {
        Object plain = RecordValues.plain(key);
        if (plain instanceof Map<?, ?> map && map.size() == 1) {
            plain = map.values().iterator().next();
        }
        return plain instanceof String text ? text : String.valueOf(plain);
    }

    /** Track properties are JSON values: instants as ISO-8601 text, nested maps and lists kept. */
    private static Object propertyValue(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), propertyValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(propertyValue(v)));
            return out;
        }
        return value;
    }
}
