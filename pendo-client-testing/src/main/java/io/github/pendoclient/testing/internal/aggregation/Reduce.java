package io.github.pendoclient.testing.internal.aggregation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code reduce}: one row with the aggregated fields of every row. */
final class Reduce implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        Accumulators accumulators = new Accumulators(Accumulators.aggregators(value));
        rows.forEach(accumulators::add);
        Map<String, Object> out = new LinkedHashMap<>();
        accumulators.writeTo(out);
        return Stream.of(out);
    }
}
