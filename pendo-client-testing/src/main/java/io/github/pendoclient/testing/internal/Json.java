package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;

/** JSON text for the fake. */
public final class Json {

    private Json() {
    }

    /**
     * Writes a value.
     *
     * @param value maps, lists, strings, numbers, booleans, nulls
     * @return the JSON text
     */
    public static String write(Object value) {
        return JsonValues.toJson(value);
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException if it is not JSON
     */
    public static Object parse(String text) {
        return JsonValues.parse(text);
    }

    /**
     * A JSON string literal.
     *
     * @param text the text
     * @return the quoted literal
     */
    public static String quote(String text) {
        return write(text);
    }
}
