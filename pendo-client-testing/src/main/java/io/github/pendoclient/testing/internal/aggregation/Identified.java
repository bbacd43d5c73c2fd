package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.internal.AggregationEngine;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code identified}: keeps the rows whose id field is identified ({@code "!field"}: anonymous). */
final class Identified implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        String field = Arguments.asString(value, "identified");
        boolean anonymousOnly = field.startsWith("!");
        String path = anonymousOnly ? field.substring(1) : field;
        return rows.filter(row -> AggregationEngine.isAnonymous(JsonValues.at(row, path)) == anonymousOnly);
    }
}
