package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.testing.internal.AggregationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code count}: one row, {@code {"count": n}}. */
final class Count implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        if (value != null && !(value instanceof String)) {
            throw new AggregationException(400, "count takes null, not " + Arguments.abbreviate(value));
        }
        long count = rows.count();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("count", count);
        return Stream.of(row);
    }
}
