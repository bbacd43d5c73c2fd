package io.github.pendoclient.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads and writes untyped JSON values: objects become {@code LinkedHashMap<String, Object>} (member order kept),
 * arrays {@code ArrayList<Object>}, integral numbers {@link Long} (so epoch milliseconds and 64-bit app ids stay
 * exact), other numbers {@link Double}, numbers beyond both {@link BigDecimal}.
 */
public final class JsonValues {

    /** Per thread, its {@link JsonBytesWriter} when not in use (see {@link #takeWriter}). */
    private static final ThreadLocal<JsonBytesWriter> IDLE_WRITER = new ThreadLocal<>();

    private JsonValues() {}

    /**
     * Reads the next value of the reader.
     *
     * @param reader the reader, positioned before a value
     * @return the value: a map, list, string, number, boolean, or null
     * @throws IOException if the JSON is malformed or ends early
     */
    public static Object read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                SegmentParser bytes = SegmentParser.boundTo(reader);
                if (bytes != null) {
                    return bytes.readObject(reader);
                }
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    map.put(name, read(reader));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY: {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader));
                }
                reader.endArray();
                return list;
            }
            case STRING:
                return reader.nextString();
            case NUMBER:
                return readNumber(reader);
            case BOOLEAN:
                return reader.nextBoolean();
            case NULL:
                return reader.nextNull();
            default:
                throw new com.squareup.moshi.JsonDataException(
                        "Expected a JSON value but was " + reader.peek() + " at path " + reader.getPath());
        }
    }

    /**
     * Reads a JSON object as a map.
     *
     * @param reader the reader, positioned before an object
     * @return the object's members in document order
     * @throws IOException if the JSON is malformed or ends early
     * @throws com.squareup.moshi.JsonDataException if the next value is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(JsonReader reader) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new com.squareup.moshi.JsonDataException(
                    "Expected a JSON object but was " + reader.peek() + " at path " + reader.getPath());
        }
        return (Map<String, Object>) read(reader);
    }

    /**
     * Reads a number: a {@code Long} when the value is integral and fits (Moshi has usually parsed it already, so
     * nothing is allocated), otherwise a {@code Double}, or a {@code BigDecimal} beyond their range.
     */
    private static Number readNumber(JsonReader reader) throws IOException {
        try {
            return reader.nextLong();
        } catch (com.squareup.moshi.JsonDataException notALong) {
            // The reader keeps the literal buffered after a failed nextLong, so it can still be read as text.
            return parseNumber(reader.nextString());
        }
    }

    static Number parseNumber(String text) {
        boolean integral = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
                break;
            }
        }
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                return new BigDecimal(text);
            }
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            return new BigDecimal(text);
        }
        return value;
    }

    /**
     * Writes an untyped value; values that are not maps, collections, strings, numbers or booleans are written with
     * the adapter that {@code moshi} has for their class.
     *
     * @param writer the writer
     * @param value the value
     * @param moshi the Moshi used for other types
     * @throws IOException if writing fails
     */
    public static void write(JsonWriter writer, Object value, Moshi moshi) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writer.name(String.valueOf(entry.getKey()));
                if (entry.getValue() == null) {
                    // A null member is meaningful to Pendo ({"visitors": null} means every visitor): keep it.
                    boolean serializeNulls = writer.getSerializeNulls();
                    writer.setSerializeNulls(true);
                    writer.nullValue();
                    writer.setSerializeNulls(serializeNulls);
                } else {
                    write(writer, entry.getValue(), moshi);
                }
            }
            writer.endObject();
        } else if (value instanceof Collection<?> collection) {
            writer.beginArray();
            for (Object element : collection) {
                write(writer, element, moshi);
            }
            writer.endArray();
        } else if (value instanceof String string) {
            writer.value(string);
        } else if (value instanceof Boolean bool) {
            writer.value(bool);
        } else if (value instanceof Number number) {
            writer.value(number);
        } else {
            @SuppressWarnings("unchecked")
            JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(value.getClass());
            adapter.toJson(writer, value);
        }
    }

    /**
     * Writes an untyped value as compact JSON text, keeping nulls inside maps.
     *
     * @param value maps, collections, strings, numbers, booleans, nulls, or values {@link PendoJson#moshi()} knows
     * @return the JSON text
     */
    public static String toJson(Object value) {
        return new String(toJsonUtf8(value), StandardCharsets.UTF_8);
    }

    /**
     * Writes an untyped value as compact JSON encoded in UTF-8, keeping nulls inside maps: {@link #toJson} without
     * decoding the text into a {@code String}, for a caller that would encode it again.
     *
     * @param value maps, collections, strings, numbers, booleans, nulls, or values {@link PendoJson#moshi()} knows
     * @return the JSON text's UTF-8 bytes
     */
    public static byte[] toJsonUtf8(Object value) {
        JsonBytesWriter fast = takeWriter();
        try {
            if (fast.append(value)) {
                return fast.toByteArray();
            }
        } finally {
            giveBack(fast);
        }
        Buffer buffer = new Buffer();
        writeThroughMoshi(value, buffer);
        return buffer.readByteArray();
    }

    /**
     * Appends an untyped value as compact JSON encoded in UTF-8 to a buffer, keeping nulls inside maps:
     * {@link #toJsonUtf8} for a caller that gathers many values before writing them out.
     *
     * @param value maps, collections, strings, numbers, booleans, nulls, or values {@link PendoJson#moshi()} knows
     * @param out the buffer to append to
     */
    public static void writeJsonUtf8(Object value, Buffer out) {
        JsonBytesWriter fast = takeWriter();
        try {
            if (fast.append(value)) {
                fast.writeTo(out);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        } finally {
            giveBack(fast);
        }
        writeThroughMoshi(value, out);
    }

    /** {@link #write} through Moshi's writer, nulls kept: for what {@link JsonBytesWriter} refuses. */
    private static void writeThroughMoshi(Object value, Buffer out) {
        try {
            JsonWriter writer = JsonWriter.of(out);
            writer.setSerializeNulls(true);
            write(writer, value, PendoJson.moshi());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
    }

    /**
     * This thread's idle {@link JsonBytesWriter}, or a new one while it is in use (a value's {@code toString()} that
     * writes JSON itself): each thread keeps one writer, its buffer at most 256 KiB, for the rows it writes.
     */
    private static JsonBytesWriter takeWriter() {
        JsonBytesWriter writer = IDLE_WRITER.get();
        if (writer == null) {
            return new JsonBytesWriter();
        }
        IDLE_WRITER.set(null);
        return writer;
    }

    private static void giveBack(JsonBytesWriter writer) {
        writer.reset();
        IDLE_WRITER.set(writer);
    }

    /**
     * Writes an untyped value as JSON text indented by two spaces, keeping nulls inside maps.
     *
     * @param value maps, collections, strings, numbers, booleans, nulls, or values {@link PendoJson#moshi()} knows
     * @return the indented JSON text
     */
    public static String toPrettyJson(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true);
            writer.setIndent("  ");
            write(writer, value, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return buffer.readUtf8();
    }

    /**
     * Parses JSON text into an untyped value.
     *
     * @param json the text: exactly one JSON value
     * @return a map, list, string, number, boolean or null
     * @throws IllegalArgumentException if the text is not one JSON value, with what is wrong
     */
    public static Object parse(String json) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            Object value = read(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new IllegalArgumentException("Expected one JSON value, found more after " + reader.getPath());
            }
            return value;
        } catch (IOException | com.squareup.moshi.JsonDataException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The value at a dotted path into parsed JSON: {@code metadata.auto.lastvisit}, with optional list indexes
     * ({@code results[0].count}). The one path lookup every module uses.
     *
     * @param root a map, list or scalar as {@link #read(JsonReader)} returns them
     * @param path the path; the empty path is the root
     * @return the value, or null when a step is missing or does not fit (a name on a non-object, an index past the
     *     end or on a non-list)
     * @throws IllegalArgumentException if an index is not a number or its bracket is not closed
     */
    public static Object at(Object root, String path) {
        Object current = root;
        int i = 0;
        while (i < path.length() && current != null) {
            int end = i;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            if (end > i) {
                current = current instanceof Map<?, ?> map ? map.get(path.substring(i, end)) : null;
            }
            i = end;
            if (i < path.length() && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed '[' in the path '" + path + "'");
                }
                int index;
                try {
                    index = Integer.parseInt(path.substring(i + 1, close));
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("The index in '" + path + "' is not a number", notANumber);
                }
                current = current instanceof List<?> list && index >= 0 && index < list.size() ? list.get(index) : null;
                i = close + 1;
            }
            if (i < path.length() && path.charAt(i) == '.') {
                i++;
            }
        }
        return current;
    }

    /**
     * Orders two JSON scalars the way a byte-order database sorts them: nulls first, then booleans (false first),
     * numbers by value, strings by Unicode code point; other values last.
     *
     * @param a one value
     * @param b the other
     * @return negative, zero or positive
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            int i = 0;
            int j = 0;
            while (i < x.length() && j < y.length()) {
                int p = x.codePointAt(i);
                int q = y.codePointAt(j);
                if (p != q) {
                    return Integer.compare(p, q);
                }
                i += Character.charCount(p);
                j += Character.charCount(q);
            }
            return Integer.compare(x.length() - i, y.length() - j);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return Integer.compare(rank(a), rank(b));
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    private static int rank(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean) {
            return 1;
        }
        if (value instanceof Number) {
            return 2;
        }
        return value instanceof String ? 3 : 4;
    }

    /** The adapter registered for {@code Object}, so maps and lists everywhere read numbers the same way. */
    static final class ObjectAdapter extends JsonAdapter<Object> {
        private final Moshi moshi;

        ObjectAdapter(Moshi moshi) {
            this.moshi = moshi;
        }

        @Override
        public Object fromJson(JsonReader reader) throws IOException {
            return read(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
            write(writer, value, moshi);
        }

        @Override
        public String toString() {
            return "JsonAdapter(Object)";
        }
    }
}
