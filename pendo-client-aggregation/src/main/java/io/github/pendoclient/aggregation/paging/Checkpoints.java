package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.internal.json.JsonValues;

/** JSON text for checkpoints. */
final class Checkpoints {

    private Checkpoints() {}

    static String write(Object value) {
        return JsonValues.toJson(value);
    }

    static Object read(String json, String what) {
        try {
            return JsonValues.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a " + what + " (" + e.getMessage() + "): " + json, e);
        }
    }
}
