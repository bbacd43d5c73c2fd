package io.github.pendoclient.sync;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A column of a synced {@link Table}: its name, its type, and how to read its value from a Pendo row (the row as
 * the API returned it, parsed into maps and lists).
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
        return new Column(name, ColumnType.TEXT, row -> {
            Object value = JsonValues.at(row, path);
            return value == null ? null : String.valueOf(value);
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
        return new Column(name, ColumnType.TEXT, row -> {
            Object value = JsonValues.at(row, path);
            return value == null ? "" : String.valueOf(value);
        });
    }

    /**
     * A 64-bit integer column.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a number
     */
    public static Column number(String name, String path) {
        return new Column(name, ColumnType.BIGINT, row -> JsonValues.at(row, path) instanceof Number n ? n.longValue() : null);
    }

    /**
     * A floating-point column.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a number
     */
    public static Column decimal(String name, String path) {
        return new Column(name, ColumnType.DOUBLE, row -> JsonValues.at(row, path) instanceof Number n ? n.doubleValue() : null);
    }

    /**
     * A boolean column.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a boolean
     */
    public static Column flag(String name, String path) {
        return new Column(name, ColumnType.BOOLEAN, row -> JsonValues.at(row, path) instanceof Boolean b ? b : null);
    }

    /**
     * A timestamp column from a member holding epoch milliseconds.
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column; null when the member is not a number
     */
    public static Column time(String name, String path) {
        return new Column(name, ColumnType.TIMESTAMP, row -> JsonValues.at(row, path) instanceof Number n ? n.longValue() : null);
    }

    /**
     * A JSON column holding a member as it is (an object, a list or a scalar).
     *
     * @param name the column name
     * @param path the member's path in the row
     * @return the column
     */
    public static Column json(String name, String path) {
        return new Column(name, ColumnType.JSON, row -> JsonValues.at(row, path));
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
