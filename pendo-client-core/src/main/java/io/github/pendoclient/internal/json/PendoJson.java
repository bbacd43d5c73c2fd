package io.github.pendoclient.internal.json;

import com.squareup.moshi.Moshi;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;

/**
 * The one {@link Moshi} configuration every pendo-client module uses.
 *
 * <ul>
 *   <li>{@link Instant} is epoch milliseconds on the wire;</li>
 *   <li>untyped values ({@code Object}, {@code Map<String, Object>}) read integral numbers as {@code Long} (a
 *       literal such as {@code 2.0} included) and maps as {@link java.util.LinkedHashMap} in document order;</li>
 *   <li>records map by component name and keep undeclared members in their {@link UnknownFields} component;</li>
 *   <li>binding is lenient: a declared field whose JSON type differs never fails a parse; it is converted when
 *       nothing is lost ({@code "42"} or {@code 2.0} for a whole number, JSON text in a string for an object, a
 *       timestamp of {@code 0} for absent) and otherwise kept raw in the unknown fields and logged once per field at
 *       DEBUG. {@link #strictMoshi()} makes that a parse error instead;</li>
 *   <li>unknown members never fail a parse; model fields that Pendo leaves open (states, kinds, types) are strings,
 *       not enums, so a new value cannot fail a parse either.</li>
 * </ul>
 */
public final class PendoJson {

    private static final Moshi MOSHI = create(false);
    private static final Moshi STRICT = create(true);

    private PendoJson() {}

    /**
     * The shared, immutable Moshi instance. Add adapters with {@code moshi().newBuilder()}.
     *
     * @return the Moshi instance
     */
    public static Moshi moshi() {
        return MOSHI;
    }

    /**
     * The same configuration with strict binding: a declared field whose JSON type differs from its declared type
     * (a string {@code parameters}, a fractional {@code rank}) is a {@link com.squareup.moshi.JsonDataException}
     * naming the path, instead of being converted or kept in the record's unknown fields.
     *
     * @return the strict Moshi instance
     */
    public static Moshi strictMoshi() {
        return STRICT;
    }

    private static Moshi create(boolean strict) {
        return new Moshi.Builder()
                .add(Instant.class, new InstantAdapter().nullSafe())
                .add(new RecordAdapterFactory(strict))
                .add(new LinkedMapAdapterFactory())
                .add((type, annotations, moshi) ->
                        type == Object.class && annotations.isEmpty() ? new JsonValues.ObjectAdapter(moshi) : null)
                .build();
    }
}
