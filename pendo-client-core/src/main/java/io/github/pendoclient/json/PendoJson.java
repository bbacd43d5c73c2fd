package io.github.pendoclient.json;

import com.squareup.moshi.Moshi;
import java.time.Instant;

/**
 * The one {@link Moshi} configuration every pendo-client module uses.
 *
 * <ul>
 *   <li>{@link Instant} is epoch milliseconds on the wire;</li>
 *   <li>untyped values ({@code Object}, {@code Map<String, Object>}) read integral numbers as {@code Long} (a
 *       literal such as {@code 2.0} included) and maps as {@link java.util.LinkedHashMap} in document order;</li>
 *   <li>records map by component name and keep undeclared members in their {@link UnknownFields} component;</li>
 *   <li>unknown members never fail a parse; model fields that Pendo leaves open (states, kinds, types) are strings,
 *       not enums, so a new value cannot fail a parse either.</li>
 * </ul>
 */
public final class PendoJson {

    private static final Moshi MOSHI = create();

    private PendoJson() {
    }

    /**
     * The shared, immutable Moshi instance. Add adapters with {@code moshi().newBuilder()}.
     *
     * @return the Moshi instance
     */
    public static Moshi moshi() {
        return MOSHI;
    }

    private static Moshi create() {
        return new Moshi.Builder()
                .add(Instant.class, new InstantAdapter().nullSafe())
                .add(new RecordAdapterFactory())
                .add(new LinkedMapAdapterFactory())
                .add((type, annotations, moshi) ->
                        type == Object.class && annotations.isEmpty() ? new JsonValues.ObjectAdapter(moshi) : null)
                .build();
    }
}
