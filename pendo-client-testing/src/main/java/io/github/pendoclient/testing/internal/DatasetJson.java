package io.github.pendoclient.testing.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.Okio;

/**
 * The JSON form of a {@code Dataset} (documented in docs/testing.md, "The dataset file"): reads the text into its
 * members and writes members as text. {@code Dataset} maps the members to and from its own contents.
 */
public final class DatasetJson {

    private DatasetJson() {}

    /**
     * Reads a dataset's JSON object.
     *
     * @param json the text
     * @return its members
     * @throws IOException if it is not one JSON object
     */
    public static Map<String, Object> read(String json) throws IOException {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            return JsonValues.readObject(reader);
        }
    }

    /**
     * Reads a dataset's JSON object.
     *
     * @param in the JSON; not closed
     * @return its members
     * @throws IOException if it cannot be read or is not one JSON object
     */
    public static Map<String, Object> read(InputStream in) throws IOException {
        return JsonValues.readObject(JsonReader.of(Okio.buffer(Okio.source(in))));
    }

    /**
     * A member that is a list of objects.
     *
     * @param json the dataset's members
     * @param name the member
     * @return the list; empty when absent
     * @throws IllegalArgumentException if it is there and not a list
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("'" + name + "' must be a list");
        }
        return (List<Map<String, Object>>) value;
    }

    /**
     * A member that is an object.
     *
     * @param json the dataset's members, or one of its objects
     * @param name the member
     * @return the object; empty when absent
     * @throws IllegalArgumentException if it is there and not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + name + "' must be an object");
        }
        return (Map<String, Object>) value;
    }

    /**
     * Writes a dataset's members as JSON text.
     *
     * @param json the members, in the order to write them
     * @return the text
     */
    public static String write(Map<String, Object> json) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            JsonValues.write(writer, json, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }
}
