package io.github.pendoclient.connect.internal;

import io.github.pendoclient.internal.json.JsonValues;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Connect record values as plain Java, the same for a {@link Struct} (any converter with schemas) and a schemaless
 * map (JSON without schemas): objects become ordered maps with string keys, lists stay lists, Connect's
 * {@code Timestamp} and {@code Date} ({@link java.util.Date}) become {@link Instant}, {@code Decimal} stays a
 * {@link BigDecimal}, bytes become Base64 text; strings, numbers and booleans are kept.
 */
public final class RecordValues {

    private RecordValues() {}

    /**
     * A record value as a map of its top-level fields.
     *
     * @param value the record's value
     * @return field name to plain value
     * @throws UnmappableRecordException if the value is null or not a Struct or a map
     */
    public static Map<String, Object> fields(Object value) {
        Object plain = plain(value);
        if (plain instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked") // plain() builds maps with String keys only
            Map<String, Object> map = (Map<String, Object>) plain;
            return map;
        }
        throw new UnmappableRecordException(
                value == null
                        ? "the record has no value (a tombstone); the sink needs a Struct or a map"
                        : "the record's value is a " + value.getClass().getSimpleName()
                                + ", not a Struct or a map; use a"
                                + " converter that gives objects, such as JsonConverter, AvroConverter or"
                                + " JsonSchemaConverter");
    }

    /**
     * A Connect value as plain Java.
     *
     * @param value a Connect value
     * @return its plain form
     */
    public static Object plain(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                map.put(field.name(), plain(struct.get(field)));
            }
            return map;
        }
        if (value instanceof Map<?, ?> source) {
            Map<String, Object> map = new LinkedHashMap<>();
            source.forEach((k, v) -> map.put(String.valueOf(k), plain(v)));
            return map;
        }
        if (value instanceof List<?> source) {
            List<Object> list = new ArrayList<>(source.size());
            source.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }

    /**
     * The value at a field name or dotted path ({@code user.id}).
     *
     * @param fields the record's fields
     * @param path the path
     * @return the value; empty when the path is absent or its value is null
     */
    public static Optional<Object> find(Map<String, Object> fields, String path) {
        return Optional.ofNullable(JsonValues.at(fields, path));
    }

    /**
     * A value as an id: text as it is, whole numbers as digits.
     *
     * @param value the value
     * @param what what the id is, for the message
     * @return the id
     * @throws UnmappableRecordException if the value is empty, a fraction or not a scalar
     */
    public static String id(Object value, String what) {
        String id;
        if (value instanceof String text) {
            id = text;
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            id = value.toString();
        } else if (value instanceof BigDecimal decimal
                && decimal.stripTrailingZeros().scale() <= 0) {
            id = decimal.toBigInteger().toString();
        } else {
            throw new UnmappableRecordException(what + " must be text or a whole number, not "
                    + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
        }
        if (id.isBlank()) {
            throw new UnmappableRecordException(what + " is empty");
        }
        return id;
    }

    /**
     * A value as an instant: an {@link Instant} (Connect's {@code Timestamp}), epoch milliseconds, or ISO-8601 text.
     *
     * @param value the value
     * @param what what the time is, for the message
     * @return the instant
     * @throws UnmappableRecordException if the value is none of those
     */
    public static Instant instant(Object value, String what) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new UnmappableRecordException(
                        what + " '" + text + "' is not an ISO-8601 instant such as 2024-05-01T12:00:00Z");
            }
        }
        throw new UnmappableRecordException(what + " must be a Timestamp, epoch milliseconds or ISO-8601 text, not "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }
}
