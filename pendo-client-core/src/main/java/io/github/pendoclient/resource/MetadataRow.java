package io.github.pendoclient.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a metadata bulk update: a visitor or account id and the field values to set. Values are strings,
 * numbers, booleans, null, or {@link java.time.Instant} (sent as epoch milliseconds).
 *
 * @param id the visitor or account id
 * @param values field name to value
 */
public record MetadataRow(String id, Map<String, Object> values) {

    /**
     * Checks the row and copies its values.
     *
     * @param id the id
     * @param values the values
     */
    public MetadataRow {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("A metadata row needs a non-empty id");
        }
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A row with one value.
     *
     * @param id the id
     * @param field the field name
     * @param value the value
     * @return the row
     */
    public static MetadataRow of(String id, String field, Object value) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(field, value);
        return new MetadataRow(id, values);
    }
}
