package io.github.pendoclient.testing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata fields that writes created: a write to a field the schema does not hold adds it, typed from the first
 * non-null value written ({@code string}, {@code integer}, {@code float}, {@code boolean}; {@code ""} while only
 * nulls were written). Not thread-safe; {@link PeopleHandler} calls it under its lock.
 */
final class SchemaGrowth {

    /** kind to group to field to descriptor. */
    private final Map<String, Map<String, Map<String, Map<String, Object>>>> created = new LinkedHashMap<>();

    /** Adds the fields of written values that neither the dataset's schema nor an earlier write holds. */
    void learn(String kind, String group, Map<String, Object> values) {
        Map<String, Map<String, Object>> fields = created.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .computeIfAbsent(group, g -> new LinkedHashMap<>());
        values.forEach((field, value) -> {
            Map<String, Object> known = fields.get(field);
            if (known == null || ("".equals(known.get("Type")) && value != null)) {
                Map<String, Object> descriptor = new LinkedHashMap<>();
                descriptor.put("Type", typeOf(value));
                descriptor.put("DisplayName", field);
                descriptor.put("isHidden", false);
                descriptor.put("isDeleted", false);
                descriptor.put("isCalculated", false);
                descriptor.put("isPerApp", false);
                fields.put(field, descriptor);
            }
        });
    }

    /** The dataset's schema with the created fields added where the dataset has no field of that name. */
    Map<String, Map<String, Map<String, Object>>> merged(
            String kind, Map<String, Map<String, Map<String, Object>>> base) {
        Map<String, Map<String, Map<String, Object>>> groups = created.get(kind);
        if (groups == null || groups.isEmpty()) {
            return base;
        }
        Map<String, Map<String, Map<String, Object>>> merged = new LinkedHashMap<>();
        base.forEach((group, fields) -> merged.put(group, new LinkedHashMap<>(fields)));
        groups.forEach((group, fields) -> {
            Map<String, Map<String, Object>> target = merged.computeIfAbsent(group, g -> new LinkedHashMap<>());
            fields.forEach(target::putIfAbsent);
        });
        return merged;
    }

    private static String typeOf(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "integer";
        }
        if (value instanceof Number) {
            return "float";
        }
        return "";
    }
}
