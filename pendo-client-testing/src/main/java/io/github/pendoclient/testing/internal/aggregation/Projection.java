package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.testing.internal.AggregationException;
import io.github.pendoclient.testing.internal.Expression;
import io.github.pendoclient.testing.internal.ExpressionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * {@code select} (only the computed fields) and {@code eval} (the row with the computed fields added): one
 * expression per output field, a type error 400 naming the field.
 */
final class Projection implements Operator {

    private final String name;
    private final boolean keep;

    private Projection(String name, boolean keep) {
        this.name = name;
        this.keep = keep;
    }

    static Projection select() {
        return new Projection("select", false);
    }

    static Projection eval() {
        return new Projection("eval", true);
    }

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        Map<String, Expression> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : Arguments.asMap(value, at, name).entrySet()) {
            outputs.put(entry.getKey(), Arguments.expression(Arguments.asString(entry.getValue(), entry.getKey())));
        }
        return rows.map(row -> {
            Map<String, Object> out = keep ? new LinkedHashMap<>(row) : new LinkedHashMap<>();
            outputs.forEach((field, expression) -> {
                try {
                    out.put(field, expression.evaluate(row, clock));
                } catch (ExpressionException e) {
                    throw new AggregationException(400, at + "." + field, e.getMessage());
                }
            });
            return out;
        });
    }
}
