package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.BufferedSink;

/**
 * What the fake answers: a status and a body, either in memory or written part by part as it is produced.
 *
 * @param status the HTTP status
 * @param contentType the content type, or null for no body
 * @param body the body, or null when {@code streaming} is set
 * @param streaming writes the body part by part, or null
 */
public record Answer(int status, String contentType, byte[] body, Streaming streaming) {

    /** Writes a body part by part, so a million rows need not be held at once. */
    @FunctionalInterface
    public interface Streaming {
        /**
         * Starts the body.
         *
         * @param sink where every part goes (the same sink for the whole body)
         * @return what writes the next parts
         * @throws IOException if the sink fails
         */
        Parts open(BufferedSink sink) throws IOException;
    }

    /** The rest of a streamed body. */
    @FunctionalInterface
    public interface Parts {
        /**
         * Writes the next part.
         *
         * @return false once the body is complete (the last part may have been written by this call)
         * @throws IOException if the sink fails
         */
        boolean writeNext() throws IOException;
    }

    /**
     * A JSON answer.
     *
     * @param status the status
     * @param json the JSON text
     * @return the answer
     */
    public static Answer json(int status, String json) {
        return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * An error answer in Pendo's error shape, {@code {"overall": message, "fields": {}}} (plus {@code message}, which
     * some clients read).
     *
     * @param status the status
     * @param message the message
     * @return the answer
     */
    public static Answer error(int status, String message) {
        return error(status, null, message);
    }

    /**
     * An error answer in Pendo's error shape naming the part of the request at fault:
     * {@code {"overall": message, "fields": {field: message}}}.
     *
     * @param status the status
     * @param field the part of the request at fault, for example {@code pipeline[2].filter}, or null
     * @param message the message
     * @return the answer
     */
    public static Answer error(int status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("overall", message);
        body.put("fields", field == null ? Map.of() : Map.of(field, message));
        body.put("message", message);
        return json(status, JsonValues.toJson(body));
    }

    /**
     * An empty 200.
     *
     * @return the answer
     */
    public static Answer ok() {
        return new Answer(200, null, new byte[0], null);
    }
}
