package io.github.pendoclient.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import io.github.pendoclient.internal.Copies;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON value of one declared record component into its declared type, leniently: a value of another JSON
 * type is converted when nothing is lost ({@code "42"} and {@code 2.0} for a whole number, a number for a string,
 * JSON text in a string for an object or list, {@code "true"} for a boolean) and otherwise returned as {@link Kept}
 * so the record keeps the raw value in its unknown fields. A timestamp of {@code 0} (Pendo's "never") reads as
 * absent and is kept as well, so it is written back as it came. In strict mode every difference of JSON type is an
 * error instead.
 */
final class ComponentReader {

    /** A value the component cannot hold without loss: the record keeps {@code raw} and leaves the component empty. */
    record Kept(Object raw, String expected, boolean typeDiffers) {}

    private enum Kind {
        STRING,
        LONG,
        INT,
        DOUBLE,
        BOOLEAN,
        INSTANT,
        TREE,
        RECORD,
        OTHER
    }

    private final Kind kind;
    private final Type type;
    private final TreeShape shape;
    private final JsonAdapter<Object> adapter;
    private final boolean strict;

    @SuppressWarnings("unchecked")
    ComponentReader(Type type, JsonAdapter<?> adapter, boolean strict) {
        this.type = type;
        this.adapter = (JsonAdapter<Object>) adapter;
        this.strict = strict;
        this.kind = kindOf(type);
        this.shape = kind == Kind.TREE ? TreeShape.of(type) : null;
    }

    private static Kind kindOf(Type type) {
        if (type == String.class) {
            return Kind.STRING;
        }
        if (type == Long.class || type == long.class) {
            return Kind.LONG;
        }
        if (type == Integer.class || type == int.class) {
            return Kind.INT;
        }
        if (type == Double.class || type == double.class) {
            return Kind.DOUBLE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == Instant.class) {
            return Kind.INSTANT;
        }
        if (TreeShape.isTree(type)) {
            return Kind.TREE;
        }
        if (type instanceof Class<?> raw && raw.isRecord()) {
            return Kind.RECORD;
        }
        return Kind.OTHER;
    }

    /**
     * Reads the next value.
     *
     * @return the value for the component, or a {@link Kept} holding what the component cannot hold
     */
    Object read(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        switch (kind) {
            case STRING:
                if (token == JsonReader.Token.STRING) {
                    return reader.nextString();
                }
                if (token == JsonReader.Token.NUMBER && !strict) {
                    return reader.nextString();
                }
                return differs(JsonValues.read(reader), "a string");
            case LONG:
            case INT:
                return readWholeNumber(reader, token);
            case DOUBLE:
                return readDouble(reader, token);
            case BOOLEAN:
                if (token == JsonReader.Token.BOOLEAN) {
                    return reader.nextBoolean();
                }
                if (token == JsonReader.Token.STRING && !strict) {
                    String text = reader.nextString();
                    if (text.equals("true") || text.equals("false")) {
                        return Boolean.valueOf(text);
                    }
                    return differs(text, "a boolean");
                }
                return differs(JsonValues.read(reader), "a boolean");
            case INSTANT:
                return readInstant(reader, token);
            case TREE:
                return readTree(reader);
            case RECORD:
                if (token == JsonReader.Token.BEGIN_OBJECT) {
                    return adapter.fromJson(reader);
                }
                return fromText(JsonValues.read(reader), "an object");
            default:
                return fromText(JsonValues.read(reader), expected());
        }
    }

    private Object readWholeNumber(JsonReader reader, JsonReader.Token token) throws IOException {
        String expected = kind == Kind.INT ? "a 32-bit whole number" : "a whole number";
        if (token == JsonReader.Token.NUMBER) {
            try {
                long value = reader.nextLong();
                if (kind == Kind.LONG) {
                    return value;
                }
                return value == (int) value ? (Object) (int) value : differs(value, expected);
            } catch (JsonDataException notWhole) {
                // The reader keeps the literal buffered after a failed nextLong: 2.5, or beyond 64 bits.
                String text = reader.nextString();
                Object value = wholeNumber(text);
                return value != null ? value : differs(JsonValues.parseNumber(text), expected);
            }
        }
        if (token == JsonReader.Token.STRING) {
            String text = reader.nextString();
            Object value = strict ? null : wholeNumber(text.trim());
            return value != null ? value : differs(text, expected);
        }
        return differs(JsonValues.read(reader), expected);
    }

    /** The text as this component's whole-number type, or null if it is not one (2.0 is; 2.5 and "x" are not). */
    private Object wholeNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
        try {
            long value = number.longValueExact();
            if (kind == Kind.INT) {
                return value == (int) value ? (Object) (int) value : null;
            }
            return value;
        } catch (ArithmeticException fractionalOrTooLarge) {
            return null;
        }
    }

    private Object readDouble(JsonReader reader, JsonReader.Token token) throws IOException {
        if (token == JsonReader.Token.NUMBER) {
            return reader.nextDouble();
        }
        if (token == JsonReader.Token.STRING && !strict) {
            String text = reader.nextString();
            try {
                double value = Double.parseDouble(text.trim());
                if (!Double.isNaN(value)
                        && !Double.isInfinite(value)
                        && !text.trim().isEmpty()
                        && Character.isDigit(text.trim().charAt(text.trim().length() - 1))) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // kept below
            }
            return differs(text, "a number");
        }
        return differs(JsonValues.read(reader), "a number");
    }

    private Object readInstant(JsonReader reader, JsonReader.Token token) throws IOException {
        String expected = "epoch milliseconds";
        String text;
        if (token == JsonReader.Token.NUMBER) {
            try {
                long millis = reader.nextLong();
                return millis == 0 ? new Kept(0L, expected, false) : Instant.ofEpochMilli(millis);
            } catch (JsonDataException notWhole) {
                text = reader.nextString();
            }
        } else if (token == JsonReader.Token.STRING) {
            text = reader.nextString().trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.indexOf('T') > 0) {
                if (strict) {
                    return differs(text, expected);
                }
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException notIso) {
                    return differs(text, expected);
                }
            }
            if (strict) {
                return differs(text, expected);
            }
        } else {
            return differs(JsonValues.read(reader), expected);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return differs(text, expected);
        }
        long millis;
        try {
            millis = number.longValueExact();
        } catch (ArithmeticException fractional) {
            return differs(JsonValues.parseNumber(text), expected);
        }
        if (millis == 0) {
            // Pendo writes 0 for "never": absent, not 1970. The 0 is kept so it is written back as it came.
            return new Kept(token == JsonReader.Token.NUMBER ? (Object) 0L : text, expected, false);
        }
        return Instant.ofEpochMilli(millis);
    }

    private Object readTree(JsonReader reader) throws IOException {
        Object value = shape.read(reader, true);
        if (!(value instanceof TreeShape.Mismatch mismatch)) {
            return value;
        }
        Object raw = mismatch.raw();
        if (raw instanceof Copies.Handoff<?, ?> handoff) {
            handoff.spend(); // kept raw in the unknown fields, not handed to the constructor
        }
        if (raw instanceof String text && !strict) {
            Object parsed = parseJsonText(text);
            if (parsed != null && shape.conforms(parsed)) {
                return parsed;
            }
        }
        return differs(raw, expected());
    }

    /** Converts an already-read value with the component's own adapter, trying JSON text in a string as well. */
    private Object fromText(Object raw, String expected) {
        if (raw instanceof String text) {
            if (strict) {
                return differs(raw, expected);
            }
            Object parsed = parseJsonText(text);
            if (parsed != null) {
                Object converted = convert(parsed);
                if (converted != null) {
                    return converted;
                }
            }
            return differs(raw, expected);
        }
        Object converted = convert(raw);
        return converted != null ? converted : differs(raw, expected);
    }

    private Object convert(Object raw) {
        try {
            return adapter.fromJsonValue(raw);
        } catch (JsonDataException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
            return null;
        }
    }

    /** The value of JSON text that holds an object or a list, or null if the text is anything else. */
    private static Object parseJsonText(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[') {
            return null;
        }
        try {
            return JsonValues.parse(trimmed);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private Object differs(Object raw, String expected) {
        return new Kept(raw, expected, true);
    }

    private String expected() {
        Class<?> raw = Types.getRawType(type);
        if (Map.class.isAssignableFrom(raw)) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "a list";
        }
        return raw.getSimpleName();
    }

    /** The JSON type of a value read by {@link JsonValues}, for messages (never the value itself). */
    static String jsonTypeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof Number number && !(number instanceof Long) ? "a fractional number" : "a number";
    }
}
