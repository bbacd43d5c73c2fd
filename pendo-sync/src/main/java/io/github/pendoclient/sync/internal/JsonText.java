package io.github.pendoclient.sync.internal;

import io.github.pendoclient.json.JsonValues;

/** JSON text for rows and the state file, through core's JSON helpers. */
public final class JsonText {

    private JsonText() {
    }

    /**
     * Writes a parsed JSON value (maps, lists, strings, numbers, booleans, null) as compact JSON text.
     *
     * @param value the value
     * @return the text
     */
    public static String write(Object value) {
        return JsonValues.toJson(value);
    }

    /**
     * Parses JSON text into maps, lists and scalars.
     *
     * @param text the text
     * @return the value
     */
    public static Object read(String text) {
        return JsonValues.parse(text);
    }
}
