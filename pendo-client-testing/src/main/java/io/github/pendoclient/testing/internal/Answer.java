package io.github.pendoclient.testing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.BufferedSink;

/**
 * What the fake answers: a status and a body, either in memory or written as it is produced.
 *
 * @param status the HTTP status
 * @param contentType the content type, or null for no body
 * @param body the body, or null when {@code streaming} is set
 * @param streaming writes the body as it is produced, or null
 */
public record Answer(int status, String contentType, byte[] body, Streaming streaming) {

    /** Writes a body as it is produced, so a million rows need not be held at once. */
    @FunctionalInterface
    public interface Streaming {
        /**
         * Writes the body.
         *
         * @param sink where to write
         * @throws IOException if the client went away
         */
        void writeTo(BufferedSink sink) throws IOException;
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
     * An error answer with Pendo's plain error shape.
     *
     * @param status the status
     * @param message the message
     * @return the answer
     */
    public static Answer error(int status, String message) {
        return json(status, "{\"message\":" + Json.quote(message) + "}");
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
