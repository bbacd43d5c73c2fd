package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code group}: one row per distinct key, with the aggregated fields of its rows, in order of first appearance. */
final class Group implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        Map<String, Object> spec = Arguments.asMap(value, at, "group");
        Object keys = spec.get("group");
        List<String> keyFields = new ArrayList<>();
        if (keys instanceof List<?> list) {
            list.forEach(key -> keyFields.add(Arguments.asString(key, "group")));
        } else if (keys != null) {
            keyFields.add(Arguments.asString(keys, "group"));
        }
        List<Accumulators.Aggregator> aggregators = Accumulators.aggregators(spec.get("fields"));
        Map<List<Object>, Accumulators> groups = new LinkedHashMap<>();
        rows.forEach(row -> {
            List<Object> key = new ArrayList<>(keyFields.size());
            for (String field : keyFields) {
                key.add(JsonValues.at(row, field));
            }
            groups.computeIfAbsent(key, k -> new Accumulators(aggregators)).add(row);
        });
        return groups.entrySet().stream().map(entry -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keyFields.size(); i++) {
                out.put(keyFields.get(i), entry.getKey().get(i));
            }
            entry.getValue().writeTo(out);
            return out;
        });
    }
}
