package io.github.pendoclient.json;

import com.squareup.moshi.Moshi;
import io.github.pendoclient.internal.json.PendoJson;

/**
 * How records (models and typed aggregation rows) are bound from JSON.
 *
 * <p>{@link #LENIENT}, what every client uses: a declared field whose JSON type differs from its declared type never
 * fails a call or a stream. It is converted when nothing is lost ({@code "42"} or {@code 2.0} for a whole number,
 * JSON text in a string for an object, a timestamp of {@code 0} for absent); otherwise the accessor is empty and the
 * raw value is kept in the record's {@code unknownFields()} under the member's name (and written back from there),
 * and the first such value of each field is logged at DEBUG with its JSON path. {@link #STRICT} makes that a parse
 * error naming the path instead.
 *
 * <pre>{@code
 * aggregations.stream(query, Binding.STRICT.moshi().adapter(EventRow.class))
 * }</pre>
 */
public enum Binding {
    /** Convert what converts without loss, keep the rest in unknown fields. The default. */
    LENIENT,
    /** Fail the parse on a field of another JSON type. */
    STRICT;

    /**
     * The Moshi that binds this way, with every pendo-client adapter.
     *
     * @return the shared, immutable Moshi
     */
    public Moshi moshi() {
        return this == STRICT ? PendoJson.strictMoshi() : PendoJson.moshi();
    }
}
