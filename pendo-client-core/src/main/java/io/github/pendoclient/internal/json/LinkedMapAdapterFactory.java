package io.github.pendoclient.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code Map<String, V>} into a plain {@link LinkedHashMap} in document order. Moshi's own map adapter builds a
 * heavier tree-backed map; metadata maps are read millions of times in a large aggregation, so this matters.
 */
final class LinkedMapAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || Types.getRawType(type) != Map.class) {
            return null;
        }
        Type valueType = Object.class;
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (arguments[0] != String.class) {
                return null;
            }
            valueType = arguments[1];
        }
        return new LinkedMapAdapter<>(moshi.adapter(valueType)).nullSafe();
    }

    private static final class LinkedMapAdapter<V> extends JsonAdapter<Map<String, V>> {
        private final JsonAdapter<V> values;

        LinkedMapAdapter(JsonAdapter<V> values) {
            this.values = values;
        }

        @Override
        public Map<String, V> fromJson(JsonReader reader) throws IOException {
            Map<String, V> map = new LinkedHashMap<>();
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                V value = values.fromJson(reader);
                if (map.put(name, value) != null) {
                    throw new com.squareup.moshi.JsonDataException(
                            "Map key '" + name + "' has multiple values at path " + reader.getPath());
                }
            }
            reader.endObject();
            return map;
        }

        @Override
        public void toJson(JsonWriter writer, Map<String, V> map) throws IOException {
            writer.beginObject();
            for (Map.Entry<String, V> entry : map.entrySet()) {
                writer.name(entry.getKey());
                values.toJson(writer, entry.getValue());
            }
            writer.endObject();
        }

        @Override
        public String toString() {
            return "LinkedMapAdapter(" + values + ")";
        }
    }
}
