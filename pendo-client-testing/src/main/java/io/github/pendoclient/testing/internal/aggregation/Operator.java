package io.github.pendoclient.testing.internal.aggregation;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** One aggregation pipeline operator ({@code filter}, {@code sort}...): turns the rows before it into its own. */
@FunctionalInterface
public interface Operator {

    /**
     * Applies the operator, lazily where it can.
     *
     * @param rows the rows from the stage before
     * @param value the operator's value in the pipeline
     * @param at where the stage is, for error messages ({@code pipeline[2].filter})
     * @param clock epoch milliseconds of "now"
     * @return the rows after it
     * @throws io.github.pendoclient.testing.internal.AggregationException if the value is malformed or unsupported
     */
    Stream<Map<String, Object>> apply(Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock);
}
