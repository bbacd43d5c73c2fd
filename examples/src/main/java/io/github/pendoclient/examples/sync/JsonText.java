package io.github.pendoclient.examples.sync;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.json.JsonValues;
import io.github.pendoclient.json.PendoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/** JSON text for rows and the state file. */
final class JsonText {

    private JsonText() {
    }

    static String write(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true);
            JsonValues.write(writer, value, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    static Object read(String text) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
            return JsonValues.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
