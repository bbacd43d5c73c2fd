package io.github.pendoclient.internal.json;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import io.github.pendoclient.internal.Copies;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a tree type, worked out once: {@code Object} is {@link #ANY}, {@code Map<String, V>} an object whose
 * members have V's shape, {@code List<E>} a list whose elements have E's shape; and reading a value against it, for
 * {@link ComponentReader}.
 *
 * @param object whether it is an object
 * @param list whether it is a list
 * @param element the shape of the members or elements, or null for {@link #ANY}
 */
record TreeShape(boolean object, boolean list, TreeShape element) {

    static final TreeShape ANY = new TreeShape(false, false, null);

    static TreeShape of(Type type) {
        if (type == Object.class) {
            return ANY;
        }
        Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
        if (Types.getRawType(type) == Map.class) {
            return new TreeShape(true, false, of(arguments[1]));
        }
        return new TreeShape(false, true, of(arguments[0]));
    }

    /**
     * A tree value that does not have the declared shape, as {@link JsonValues} reads it. Made only on that rare
     * path: a value of the declared shape is returned as it is read, and nothing else is allocated for it.
     */
    record Mismatch(Object raw) {}

    /** Whether values of the type are made only of maps, lists and {@code Object}, as {@link JsonValues} reads them. */
    static boolean isTree(Type type) {
        if (type == Object.class) {
            return true;
        }
        if (!(type instanceof ParameterizedType parameterized)) {
            return false;
        }
        Class<?> raw = Types.getRawType(type);
        Type[] arguments = parameterized.getActualTypeArguments();
        if (raw == Map.class) {
            return arguments[0] == String.class && isTree(arguments[1]);
        }
        return (raw == List.class || raw == Collection.class) && isTree(arguments[0]);
    }

    /** Whether a value read by {@link JsonValues} already has this shape (JSON text parsed from a string). */
    boolean conforms(Object value) {
        if (value == null || this == ANY) {
            return true;
        }
        if (object) {
            if (!(value instanceof Map<?, ?> map)) {
                return false;
            }
            for (Object member : map.values()) {
                if (!element.conforms(member)) {
                    return false;
                }
            }
            return true;
        }
        if (!(value instanceof List<?> items)) {
            return false;
        }
        for (Object item : items) {
            if (!element.conforms(item)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a value of this shape in one pass, checking the shape as it goes: the value as {@link JsonValues} reads
     * it, or a {@link Mismatch} holding that raw value when some part has another JSON type (the rest is still read,
     * so the raw value is whole).
     */
    Object read(JsonReader reader, boolean component) throws IOException {
        if (this == ANY) {
            return JsonValues.read(reader);
        }
        JsonReader.Token token = reader.peek();
        if (object && token == JsonReader.Token.BEGIN_OBJECT) {
            // The component's own map goes to the record's constructor alone, which may keep it uncopied.
            Map<String, Object> map = component ? new Copies.Handoff<>() : new LinkedHashMap<>();
            SegmentParser bytes = SegmentParser.boundTo(reader);
            if (bytes != null) {
                // Read whole from the bytes, then checked: the same value, and the same raw value when it differs.
                bytes.readObject(reader, map);
                return conforms(map) ? map : new Mismatch(map);
            }
            boolean mismatch = false;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                Object value = element.read(reader, false);
                if (value instanceof Mismatch inner) {
                    value = inner.raw();
                    mismatch = true;
                }
                map.put(name, value);
            }
            reader.endObject();
            return mismatch ? new Mismatch(map) : map;
        }
        if (list && token == JsonReader.Token.BEGIN_ARRAY) {
            List<Object> items = new ArrayList<>();
            boolean mismatch = false;
            reader.beginArray();
            while (reader.hasNext()) {
                Object value = element.read(reader, false);
                if (value instanceof Mismatch inner) {
                    value = inner.raw();
                    mismatch = true;
                }
                items.add(value);
            }
            reader.endArray();
            return mismatch ? new Mismatch(items) : items;
        }
        if (token == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        return new Mismatch(JsonValues.read(reader));
    }
}
