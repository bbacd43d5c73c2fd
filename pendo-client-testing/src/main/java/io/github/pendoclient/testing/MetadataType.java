package io.github.pendoclient.testing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of a metadata field in a {@link Dataset}'s metadata schema, written as the schema entry's {@code Type}
 * ({@code GET /api/v1/metadata/schema/{kind}}).
 *
 * <p>Pendo's own type names are {@code string}, {@code integer}, {@code float}, {@code boolean} and {@code time}
 * (API reference §7.7), and the fake writes those. Pendo's documentation names no type for a list or an object,
 * although custom values arrive as lists and objects (§7.10): the fake <em>guesses</em> {@code list} and
 * {@code object} for {@link #LIST} and {@link #OBJECT}.
 */
public enum MetadataType {
    /** Text: {@code string}. */
    STRING("string"),
    /** A number that may have a fraction: {@code float}, as Pendo names it. */
    NUMBER("float"),
    /** A whole number: {@code integer}. */
    INTEGER("integer"),
    /** {@code true} or {@code false}: {@code boolean}. */
    BOOLEAN("boolean"),
    /** A point in time in epoch milliseconds: {@code time}. */
    TIME("time"),
    /** A JSON array: {@code list} (the fake's guess at Pendo's name). */
    LIST("list"),
    /** A JSON object: {@code object} (the fake's guess at Pendo's name). */
    OBJECT("object");

    private final String pendoName;

    MetadataType(String pendoName) {
        this.pendoName = pendoName;
    }

    /**
     * The {@code Type} the schema entry carries.
     *
     * @return for example {@code float} for {@link #NUMBER}
     */
    public String pendoName() {
        return pendoName;
    }

    /**
     * The type a schema entry's {@code Type} names.
     *
     * @param pendoName the {@code Type}, for example {@code float}
     * @return the type; empty for a name the fake does not know, such as the empty {@code Type} real schemas carry
     */
    public static Optional<MetadataType> fromPendoName(String pendoName) {
        return Arrays.stream(values())
                .filter(type -> type.pendoName.equals(pendoName))
                .findFirst();
    }
}
