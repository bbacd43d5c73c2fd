package io.github.pendoclient.error;

import java.util.Map;

/**
 * Pendo's JSON error body, {@code {"overall": ..., "fields": {"pipeline": "Required"}}}, as far as it could be read.
 *
 * @param overall the {@code overall} member: a message string, an object, or null
 * @param fields the {@code fields} member: per-field problems keyed by field name; empty when absent
 */
public record PendoErrorBody(Object overall, Map<String, Object> fields) {

    /**
     * Copies the field map so that the record stays immutable.
     *
     * @param overall the {@code overall} member
     * @param fields the {@code fields} member, or null
     */
    public PendoErrorBody {
        fields = fields == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
