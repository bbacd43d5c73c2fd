package io.github.pendoclient.sync.internal;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.List;
import java.util.Map;

/**
 * The lenient, lossless conversions of a JSON value into a column's type (issue 13): a value converts when nothing
 * is lost ({@code "42"} or {@code 42.0} into a whole number, {@code "0.5"} into a double, {@code "true"} into a
 * boolean, an object or a list into its JSON text), and reads as null otherwise, while the row's {@code raw} column
 * keeps it as sent. The fixed columns and the metadata field columns use these same rules.
 */
public final class Lossless {

    private Lossless() {}

    /**
     * Text as sent; an object or a list as its JSON text, not Java's {@code toString()}.
     *
     * @param value a JSON value, or null
     * @return the text, or null for null
     */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Map<?, ?> || value instanceof List<?>
                ? JsonValues.toJson(value)
                : String.valueOf(value);
    }

    /**
     * A whole number, from a number or a string of one.
     *
     * @param value a JSON value, or null
     * @return the number, or null for anything else (the raw column keeps it)
     */
    public static Long whole(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (Long) (long) d : null;
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A finite floating-point number, from a number or a string of one.
     *
     * @param value a JSON value, or null
     * @return the number, or null for anything else
     */
    public static Double decimal(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                double d = Double.parseDouble(text.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A boolean, from a boolean or the string {@code "true"} or {@code "false"}.
     *
     * @param value a JSON value, or null
     * @return the boolean, or null for anything else
     */
    public static Boolean flag(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }
}
