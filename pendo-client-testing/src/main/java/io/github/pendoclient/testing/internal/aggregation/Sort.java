package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.internal.AggregationException;
import io.github.pendoclient.testing.internal.Expression;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code sort}: orders by the listed fields ({@code "-field"} descending); an object or list to order by is 400. */
final class Sort implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        return rows.sorted(comparator(value, at));
    }

    private static Comparator<Map<String, Object>> comparator(Object value, String at) {
        if (!(value instanceof List<?> fields) || fields.isEmpty()) {
            throw new AggregationException(
                    400, "sort takes a non-empty list of field names, not " + Arguments.abbreviate(value));
        }
        Comparator<Map<String, Object>> order = null;
        for (Object field : fields) {
            String name = Arguments.asString(field, "sort");
            boolean descending = name.startsWith("-");
            String path = descending ? name.substring(1) : name;
            Comparator<Map<String, Object>> one =
                    (a, b) -> Expression.compare(sortable(a, path, at), sortable(b, path, at));
            if (descending) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    private static Object sortable(Map<String, Object> row, String path, String at) {
        Object value = JsonValues.at(row, path);
        if (value instanceof Map || value instanceof List) {
            throw new AggregationException(
                    400,
                    at,
                    "Type error: cannot sort on '" + path + "', which is "
                            + (value instanceof Map ? "an object" : "a list")
                            + " in some rows; sort on strings, numbers"
                            + " or booleans");
        }
        return value;
    }
}
