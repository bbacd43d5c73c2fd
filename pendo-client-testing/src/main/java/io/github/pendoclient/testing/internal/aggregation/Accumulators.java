package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.internal.AggregationException;
import io.github.pendoclient.testing.internal.Counters;
import io.github.pendoclient.testing.internal.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregated fields of {@code group} and {@code reduce} ({@code count}, {@code sum}, {@code min}, {@code max},
 * {@code avg}), and their running values for one group.
 */
final class Accumulators {

    /** One aggregated field: its output name, function and input field (null for a plain count). */
    record Aggregator(String name, String function, String field) {}

    static List<Aggregator> aggregators(Object spec) {
        List<Map<String, Object>> parts = new ArrayList<>();
        if (spec instanceof List<?> list) {
            list.forEach(element -> parts.add(Arguments.asMap(element, "fields")));
        } else if (spec instanceof Map<?, ?>) {
            parts.add(Arguments.asMap(spec, "fields"));
        } else if (spec != null) {
            throw new AggregationException(400, "Aggregated fields are an object or a list of objects, not " + spec);
        }
        List<Aggregator> aggregators = new ArrayList<>();
        for (Map<String, Object> part : parts) {
            for (Map.Entry<String, Object> entry : part.entrySet()) {
                Map<String, Object> definition = Arguments.asMap(entry.getValue(), entry.getKey());
                if (definition.size() != 1) {
                    throw new AggregationException(400, "Field " + entry.getKey() + " needs one aggregator");
                }
                Map.Entry<String, Object> function =
                        definition.entrySet().iterator().next();
                if (!Set.of("count", "sum", "min", "max", "avg").contains(function.getKey())) {
                    throw new AggregationException(
                            422,
                            "The fake does not implement the aggregator '" + function.getKey()
                                    + "'. It supports count, sum, min, max and avg.");
                }
                String field =
                        function.getValue() == null ? null : Arguments.asString(function.getValue(), entry.getKey());
                aggregators.add(new Aggregator(entry.getKey(), function.getKey(), field));
            }
        }
        return aggregators;
    }

    private final List<Aggregator> aggregators;
    private final long[] counts;
    private final Counters.Sum[] sums;
    private final Object[] extremes;
    private final List<Set<Object>> distinct = new ArrayList<>();

    Accumulators(List<Aggregator> aggregators) {
        this.aggregators = aggregators;
        counts = new long[aggregators.size()];
        sums = new Counters.Sum[aggregators.size()];
        extremes = new Object[aggregators.size()];
        for (int i = 0; i < aggregators.size(); i++) {
            sums[i] = new Counters.Sum();
            distinct.add(new HashSet<>());
        }
    }

    void add(Map<String, Object> row) {
        for (int i = 0; i < aggregators.size(); i++) {
            Aggregator aggregator = aggregators.get(i);
            Object value = aggregator.field() == null ? null : JsonValues.at(row, aggregator.field());
            switch (aggregator.function()) {
                case "count" -> {
                    if (aggregator.field() == null) {
                        counts[i]++;
                    } else if (value != null) {
                        distinct.get(i).add(value);
                    }
                }
                case "sum", "avg" -> {
                    if (value instanceof Number number) {
                        sums[i].add(number);
                    }
                }
                default -> {
                    if (value != null) {
                        int order = extremes[i] == null ? 0 : Expression.compare(value, extremes[i]);
                        boolean better = aggregator.function().equals("min") ? order < 0 : order > 0;
                        if (extremes[i] == null || better) {
                            extremes[i] = value;
                        }
                    }
                }
            }
        }
    }

    void writeTo(Map<String, Object> out) {
        for (int i = 0; i < aggregators.size(); i++) {
            Aggregator aggregator = aggregators.get(i);
            Object value = switch (aggregator.function()) {
                case "count" ->
                    aggregator.field() == null
                            ? (Object) counts[i]
                            : (Object) (long) distinct.get(i).size();
                case "sum" -> sums[i].value();
                case "avg" ->
                    sums[i].count() == 0 ? null : (Object) (sums[i].value().doubleValue() / sums[i].count());
                default -> extremes[i];
            };
            out.put(aggregator.name(), value);
        }
    }
}
