package io.github.pendoclient.sync;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.internal.Lossless;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A column of a synced {@link Table}: its name, its type, and how to read its value from a Pendo row (the row as
 * the API returned it, parsed into maps and lists).
 *
 * <p>Pendo does not always send a member with one JSON type (issue 13: a number in one row, a string or an object
 * in the next). The factories here convert a value to the column's type only when nothing is lost: {@code "42"} or
 * {@code 42.0} into a {@code BIGINT} 42, {@code "0.5"} into a {@code DOUBLE}, {@code "true"} into a
 * {@code BOOLEAN}, an object or a list into its JSON text in a {@code TEXT} column. Any other value (a fraction for
 * a {@code BIGINT}, an object for a number, {@code "yes"} for a boolean) reads as null, and the row's {@code raw}
 * column still holds it as sent.
 *
 * @param name the column name, lower snake_case
 * @param type the column type; {@link #value()} returns values of the Java type it names, or null
 * @param value reads the value from a row; returns null when the row has none
 */
public record Column(String name, ColumnType type, Function<Map<String, Object>, Object> value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Checks the parts.
     *
     * @param name the column name
     * @param type the column type
     * @param value reads the value from a row
     * @throws IllegalArgumentException if the name is not lower snake_case
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A column name is lower snake_case, got '" + name + "'");
        }
    }

    /**
     * A text column read from a member.
     *
     * @param name the column name
     * @param path the member's path in the row, dot-separated ({@code metadata.auto.accountid})
     * @return the column; null when the member is missing
     */
    public static Column text(String name, String path) {
        Function<Map<String, Object>, Object> member = member(path);
        return new Column(name, ColumnType.TEXT, row -> {
            Object value = member.apply(row);
            return value == null ? null : asText(value);
        });
    }

    /**
     * A text column that is part of a primary key: a missing member reads as the empty string, never null.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column
     */
    public static Column key(String name, String path) {
        Function<Map<String, Object>, Object> member = member(path);
        return new Column(name, ColumnType.TEXT, row -> {
            Object value = member.apply(row);
            return value == null ? "" : asText(value);
        });
    }

    /**
     * A 64-bit integer column.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a whole number (nor a string of one)
     */
    public static Column number(String name, String path) {
        Function<Map<String, Object>, Object> member = member(path);
        return new Column(name, ColumnType.BIGINT, row -> asLong(member.apply(row)));
    }

    /**
     * A floating-point column.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a number (nor a string of one)
     */
    public static Column decimal(String name, String path) {
        Function<Map<String, Object>, Object> member = member(path);
        return new Column(name, ColumnType.DOUBLE, row -> asDouble(member.apply(row)));
    }

    /**
     * A boolean column.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a boolean (nor the string "true" or "false")
     */
    public static Column flag(String name, String path) {
        Function<Map<String, Object>, Object> member = member(path);
        return new Column(name, ColumnType.BOOLEAN, row -> asBoolean(member.apply(row)));
    }

    /**
     * A timestamp column from a member holding epoch milliseconds.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a whole number (nor a string of one)
     */
    public static Column time(String name, String path) {
        Function<Map<String, Object>, Object> member = member(path);
        return new Column(name, ColumnType.TIMESTAMP, row -> asLong(member.apply(row)));
    }

    /**
     * Reads the member at a path. A path of names only is split once here rather than parsed for every row (the
     * event tables read seven to ten columns from each of hundreds of thousands of rows); a path with list indexes
     * is left to {@link JsonValues#at}, which it reads the same as.
     */
    private static Function<Map<String, Object>, Object> member(String path) {
        if (path.indexOf('[') >= 0) {
            return row -> JsonValues.at(row, path);
        }
        String[] names =
                Arrays.stream(path.split("\\.")).filter(step -> !step.isEmpty()).toArray(String[]::new);
        if (names.length == 1) {
            String only = names[0];
            return row -> row.get(only);
        }
        return row -> {
            Object current = row;
            for (String step : names) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(step);
            }
            return current;
        };
    }

    private static String asText(Object value) {
        return Lossless.text(value);
    }

    private static Long asLong(Object value) {
        return Lossless.whole(value);
    }

    private static Double asDouble(Object value) {
        return Lossless.decimal(value);
    }

    private static Boolean asBoolean(Object value) {
        return Lossless.flag(value);
    }

    /**
     * A JSON column holding a member as it is (an object, a list or a scalar).
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column
     */
    public static Column json(String name, String path) {
        return new Column(name, ColumnType.JSON, member(path));
    }

    /**
     * The whole Pendo row as JSON, named {@code raw}, so that no member is lost.
     *
     * @return the column
     */
    public static Column raw() {
        return new Column("raw", ColumnType.JSON, row -> row);
    }
}
