package io.github.pendoclient.examples.sync;

import java.util.Map;
import java.util.function.Function;

/**
 * A column of a synced table: its name, its DuckDB type, and how to read it from a Pendo row.
 *
 * @param name the column name, snake_case
 * @param type {@code VARCHAR}, {@code BIGINT}, {@code DOUBLE}, {@code BOOLEAN}, {@code TIMESTAMP} (from epoch
 *     milliseconds) or {@code JSON}
 * @param value reads the value from the row
 */
record Column(String name, String type, Function<Map<String, Object>, Object> value) {

    static Column text(String name, String path) {
        return new Column(name, "VARCHAR", row -> {
            Object value = at(row, path);
            return value == null ? null : String.valueOf(value);
        });
    }

    static Column key(String name, String path) {
        return new Column(name, "VARCHAR", row -> {
            Object value = at(row, path);
            return value == null ? "" : String.valueOf(value);
        });
    }

    static Column number(String name, String path) {
        return new Column(name, "BIGINT", row -> at(row, path) instanceof Number n ? n.longValue() : null);
    }

    static Column decimal(String name, String path) {
        return new Column(name, "DOUBLE", row -> at(row, path) instanceof Number n ? n.doubleValue() : null);
    }

    static Column flag(String name, String path) {
        return new Column(name, "BOOLEAN", row -> at(row, path) instanceof Boolean b ? b : null);
    }

    static Column time(String name, String path) {
        return new Column(name, "TIMESTAMP", row -> at(row, path) instanceof Number n ? n.longValue() : null);
    }

    static Column json(String name, String path) {
        return new Column(name, "JSON", row -> at(row, path));
    }

    /** The whole Pendo row, so that no member is lost. */
    static Column raw() {
        return new Column("raw", "JSON", row -> row);
    }

    static Object at(Map<String, Object> row, String path) {
        Object current = row;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
