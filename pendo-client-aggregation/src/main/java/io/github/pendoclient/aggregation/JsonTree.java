package io.github.pendoclient.aggregation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of JSON-ready values, so stages stay immutable whatever the caller passed. */
final class JsonTree {

    private JsonTree() {}

    /**
     * Copies a value made of maps, collections, strings, numbers, booleans and nulls; an {@link Expr} becomes its
     * text, an {@link Instant} epoch milliseconds, a {@link Pipeline} its list of stages.
     */
    static Object copy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            if (number instanceof Double d && (d.isNaN() || d.isInfinite())
                    || number instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new IllegalArgumentException("JSON has no value for " + number);
            }
            return number;
        }
        if (value instanceof Expr expr) {
            return expr.toString();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Pipeline pipeline) {
            return pipeline.toJsonValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings, not " + entry.getKey());
                }
                copy.put(key, copy(entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            for (Object element : collection) {
                copy.add(copy(element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Object[] array) {
            return copy(List.of(array));
        }
        throw new IllegalArgumentException(
                "Not a JSON value: " + value.getClass().getName()
                        + ". Use maps, lists, strings, numbers, booleans, null, Expr, Instant or Pipeline.");
    }

    /** An unmodifiable map in insertion order, with null values allowed. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], copy(keysAndValues[i + 1]));
        }
        return Collections.unmodifiableMap(map);
    }
}
