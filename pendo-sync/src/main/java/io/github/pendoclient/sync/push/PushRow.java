package io.github.pendoclient.sync.push;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link PushSource}: its number in the source and its values by column, in the source's column order.
 * Values are what the source holds: a string for CSV, a string, {@code Long}, {@code Double}, boolean, list, map or
 * null for JSON Lines, the JDBC driver's object for SQL sources ({@code Integer}, {@code Long},
 * {@code BigDecimal}, {@code Boolean}, {@code java.sql.Timestamp}, {@code LocalDate}, ...). The engine converts them
 * to each field's type.
 *
 * @param number the row's number in the source, from 1 (for a file with a header, the header is not counted)
 * @param values column name to value, in the source's column order; a value may be null
 */
public record PushRow(long number, Map<String, Object> values) {

    /**
     * Checks the number and copies the values, keeping their order.
     *
     * @param number from 1
     * @param values column to value
     */
    public PushRow {
        if (number < 1) {
            throw new IllegalArgumentException("A row number starts at 1, was " + number);
        }
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * One value.
     *
     * @param column the column name
     * @return the value, or null when the column is absent or holds null
     */
    public Object get(String column) {
        return values.get(column);
    }
}
