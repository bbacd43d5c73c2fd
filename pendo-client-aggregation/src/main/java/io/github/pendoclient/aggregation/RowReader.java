package io.github.pendoclient.aggregation;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.pendoclient.internal.json.JsonValues;
import java.io.IOException;
import java.util.Map;

/** Reads one row from a reader positioned on it. */
@FunctionalInterface
interface RowReader<T> {

    T read(JsonReader reader) throws IOException;

    static RowReader<Map<String, Object>> maps() {
        return JsonValues::readObject;
    }

    static <T> RowReader<T> of(JsonAdapter<T> adapter) {
        return adapter::fromJson;
    }
}
