package io.github.pendoclient.testing.internal.aggregation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** {@code unwind}: one row per element of a list field, with its index if asked; {@code keepEmpty} keeps the rest. */
final class Unwind implements Operator {

    @Override
    public Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, Object value, String at, LongSupplier clock) {
        Map<String, Object> spec = Arguments.asMap(value, at, "unwind");
        String field = Arguments.asString(spec.get("field"), "unwind.field");
        Object index = spec.get("index");
        boolean keepEmpty = Boolean.TRUE.equals(spec.get("keepEmpty"));
        return rows.flatMap(row -> {
            Object listed = row.get(field);
            if (!(listed instanceof List<?> list) || list.isEmpty()) {
                return keepEmpty ? Stream.of(row) : Stream.empty();
            }
            List<Map<String, Object>> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> copy = new LinkedHashMap<>(row);
                copy.put(field, list.get(i));
                if (index instanceof String indexField) {
                    copy.put(indexField, (long) i);
                }
                out.add(copy);
            }
            return out.stream();
        });
    }
}
