package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.testing.internal.AggregationException;
import io.github.pendoclient.testing.internal.Expression;
import io.github.pendoclient.testing.internal.ExpressionException;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code filter}: keeps the rows for which the expression holds; a type error is 400 naming the stage. */
final class Filter implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        Expression condition = Arguments.expression(Arguments.asString(value, "filter"));
        return rows.filter(row -> {
            try {
                return condition.test(row, clock);
            } catch (ExpressionException e) {
                throw new AggregationException(400, at, e.getMessage());
            }
        });
    }
}
