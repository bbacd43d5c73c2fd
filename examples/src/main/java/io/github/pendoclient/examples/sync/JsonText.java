package io.github.pendoclient.examples.sync;

import io.github.pendoclient.internal.json.JsonValues;

/** JSON text for rows and the state file. */
final class JsonText {

    private JsonText() {
    }

    static String write(Object value) {
        return JsonValues.toJson(value);
    }

    static Object read(String text) {
        return JsonValues.parse(text);
    }
}
