package io.github.pendoclient.aggregation;

import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/** Writes JSON-ready values as text: compact through core's {@link JsonValues#toJson(Object)}, or indented. */
final class JsonText {

    private JsonText() {
    }

    static String write(Object value, boolean pretty) {
        if (!pretty) {
            return JsonValues.toJson(value);
        }
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setIndent("  ");
            JsonValues.write(writer, value, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return buffer.readUtf8();
    }
}
