package io.github.pendoclient.testing.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.json.JsonValues;
import io.github.pendoclient.json.PendoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

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
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true);
            JsonValues.write(writer, value, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException if it is not JSON
     */
    public static Object parse(String text) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
            Object value = JsonValues.read(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new IllegalArgumentException("Trailing data after the JSON value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
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
