package io.github.pendoclient.connect.internal;

import io.github.pendoclient.resource.MetadataRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record as one metadata row: the id (a field, or the record key) and the mapped fields, each converted to the
 * {@code Type} Pendo's metadata schema gives it ({@code string}, {@code integer}, {@code float}, {@code boolean},
 * {@code time} as epoch milliseconds). A field the group does not define, or a value that does not fit its type,
 * makes the record unmappable, with a message naming the field.
 */
public final class MetadataMapper {

    private final String kind;
    private final String group;
    private final String idField;
    private final FieldMapping mapping;
    private final Map<String, String> types;

    /**
     * A mapper.
     *
     * @param kind visitor or account, for messages
     * @param group the metadata group
     * @param idField the field with the id, or empty for the record key
     * @param mapping the field mapping
     * @param types the group's fields and their {@code Type} in Pendo's metadata schema
     */
    public MetadataMapper(String kind, String group, String idField, FieldMapping mapping, Map<String, String> types) {
        this.kind = kind;
        this.group = group;
        this.idField = idField;
        this.mapping = mapping;
        this.types = Map.copyOf(types);
    }

    /**
     * Maps a record.
     *
     * @param record the record
     * @return the row
     * @throws UnmappableRecordException naming the field that is missing, undefined or of the wrong type
     */
    public MetadataRow map(SinkRecord record) {
        Map<String, Object> fields = RecordValues.fields(record.value());
        String id;
        if (idField.isEmpty()) {
            Object key = RecordValues.plain(record.key());
            if (key instanceof Map<?, ?> map && map.size() == 1) {
                key = map.values().iterator().next();
            }
            id = RecordValues.id(key, "the record key (the " + kind + " id, as metadata.id.field is empty)");
        } else {
            id = RecordValues.id(
                    RecordValues.find(fields, idField)
                            .orElseThrow(() -> new UnmappableRecordException("the record has no field '" + idField
                                    + "' with the " + kind + " id (metadata.id.field)")),
                    "the " + kind + " id (" + idField + ")");
        }
        Set<String> used = idField.isEmpty() ? Set.of() : Set.of(idField.split("\\.", 2)[0]);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : mapping.apply(fields, used).entrySet()) {
            String type = types.get(entry.getKey());
            if (type == null) {
                throw new UnmappableRecordException("field '" + entry.getKey() + "' is not defined in the " + kind
                        + " metadata group '" + group + "'; define it in Pendo's Data Mappings, or map or leave it"
                        + " out with metadata.fields");
            }
            values.put(entry.getKey(), typed(entry.getKey(), type, entry.getValue()));
        }
        if (values.isEmpty()) {
            throw new UnmappableRecordException("the record has no field to update in group '" + group + "'");
        }
        return new MetadataRow(id, values);
    }

    /**
     * A value converted to a metadata type.
     *
     * @param name the field, for messages
     * @param type the schema's {@code Type}; empty or unknown keeps the value
     * @param value the plain value
     * @return the value Pendo expects
     * @throws UnmappableRecordException if the value does not fit
     */
    static Object typed(String name, String type, Object value) {
        if (value == null) {
            return null;
        }
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        try {
            switch (t) {
                case "string":
                    if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
                        break;
                    }
                    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
                case "integer":
                    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                        return ((Number) value).longValue();
                    }
                    if (value instanceof Number number) {
                        return new BigDecimal(number.toString()).longValueExact();
                    }
                    if (value instanceof String text) {
                        return Long.parseLong(text.trim());
                    }
                    break;
                case "float":
                    if (value instanceof Number number) {
                        return number.doubleValue();
                    }
                    if (value instanceof String text) {
                        return Double.parseDouble(text.trim());
                    }
                    break;
                case "boolean":
                    if (value instanceof Boolean) {
                        return value;
                    }
                    if (value instanceof String text
                            && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                        return Boolean.parseBoolean(text);
                    }
                    break;
                case "time":
                    return RecordValues.instant(value, "field '" + name + "'").toEpochMilli();
                default:
                    return value instanceof Instant instant ? instant.toEpochMilli() : value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the message below
        }
        throw new UnmappableRecordException("field '" + name + "' has Type '" + type + "' in Pendo's metadata schema,"
                + " but the record's value " + describe(value) + " does not convert to it");
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return value instanceof BigInteger || value instanceof Number || value instanceof Boolean
                ? text
                : value.getClass().getSimpleName() + " '" + text + "'";
    }
}
