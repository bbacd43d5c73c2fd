package io.github.pendoclient.aggregation.paging;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.json.JsonValues;
import io.github.pendoclient.json.PendoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/** JSON text for checkpoints. */
final class Checkpoints {

    private Checkpoints() {
    }

    static String write(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            JsonValues.write(writer, value, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return buffer.readUtf8();
    }

    static Object read(String json, String what) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            Object value = JsonValues.read(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new IllegalArgumentException("Not a " + what + ": trailing data after " + value);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("Not a " + what + " (" + e.getMessage() + "): " + json, e);
        }
    }
}
