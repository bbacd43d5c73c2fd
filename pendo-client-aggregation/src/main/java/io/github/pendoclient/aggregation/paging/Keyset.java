package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.aggregation.Expr;
import io.github.pendoclient.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields that order and resume keyset paging, most significant first: {@code Keyset.of("visitorId")} for id
 * paging, {@code Keyset.of("metadata.auto.lastupdated", "visitorId")} for a (timestamp, id) cursor. Together the
 * fields must identify a row uniquely; the pager checks this and stops with a {@link PagingException} rather than
 * lose the rows that share a key across a page boundary.
 */
public final class Keyset {

    private static final Pattern PATH = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private final List<String> fields;

    private Keyset(List<String> fields) {
        this.fields = fields;
    }

    /**
     * A keyset of one or more fields.
     *
     * @param fields field names or dotted paths, most significant first
     * @return the keyset
     */
    public static Keyset of(String... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("A keyset needs at least one field");
        }
        for (String field : fields) {
            if (!PATH.matcher(Objects.requireNonNull(field, "field")).matches()) {
                throw new IllegalArgumentException("Not a field path for a keyset: '" + field + "'");
            }
        }
        return new Keyset(List.of(fields));
    }

    /**
     * The fields.
     *
     * @return the fields, most significant first
     */
    public List<String> fields() {
        return fields;
    }

    /**
     * The filter that keeps the rows strictly after a cursor:
     * {@code a > x || a == x && (b > y || b == y && c > z)}.
     *
     * @param cursor the last key returned, one value per field
     * @return the condition
     */
    public Expr after(List<Object> cursor) {
        return condition(cursor, false);
    }

    /**
     * The filter that keeps the row at a cursor and the rows after it:
     * {@code a > x || a == x && (b > y || b == y && c >= z)}. The pager uses it so that each page overlaps the
     * last by one row, which reveals a duplicate key on a page boundary.
     *
     * @param cursor the last key returned, one value per field
     * @return the condition
     */
    public Expr atOrAfter(List<Object> cursor) {
        return condition(cursor, true);
    }

    private Expr condition(List<Object> cursor, boolean inclusive) {
        if (cursor.size() != fields.size()) {
            throw new IllegalArgumentException(
                    "A cursor for " + fields + " needs " + fields.size() + " values, not " + cursor);
        }
        Expr condition = null;
        for (int i = fields.size() - 1; i >= 0; i--) {
            Expr field = Expr.field(fields.get(i));
            if (condition == null) {
                condition = inclusive ? field.ge(cursor.get(i)) : field.gt(cursor.get(i));
            } else {
                condition = field.gt(cursor.get(i)).or(field.eq(cursor.get(i)).and(condition));
            }
        }
        return condition;
    }

    /**
     * Reads a row's key.
     *
     * @param row the row
     * @return one value per field
     * @throws PagingException if a field is missing, null, or not a string, number or boolean
     */
    public List<Object> keyOf(Map<String, Object> row) {
        List<Object> key = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = JsonValues.at(row, field);
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new PagingException("A row has " + (value == null ? "no value" : "a " + kind(value))
                        + " for keyset field '" + field + "', so it cannot be paged past without skipping or"
                        + " repeating rows. Filter such rows out or page on other fields. Row: " + abbreviate(row));
            }
            key.add(value);
        }
        return Collections.unmodifiableList(key);
    }

    private static String kind(Object value) {
        return value instanceof Map
                ? "object"
                : value instanceof List ? "list" : value.getClass().getSimpleName();
    }

    static String abbreviate(Object row) {
        String text = String.valueOf(row);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /**
     * Compares keys the way a byte-order server sorts them: numbers by value, strings by code point, then field by
     * field.
     */
    static int compare(List<Object> left, List<Object> right) {
        for (int i = 0; i < left.size(); i++) {
            int order = JsonValues.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Keyset keyset && keyset.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Keyset" + fields;
    }
}
