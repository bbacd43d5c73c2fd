package io.github.pendoclient.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@link Instant} as Pendo writes timestamps: epoch milliseconds. Also reads numeric strings (Estuary sends
 * {@code "1700000000000"}) and ISO-8601 strings. Pendo writes {@code 0} for "never"; that reads as
 * null (absent), not 1970. Record components read timestamps leniently through {@link ComponentReader}.
 */
final class InstantAdapter extends JsonAdapter<Instant> {

    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case NUMBER:
                return ofMillis(toMillis(reader.nextString(), reader));
            case STRING: {
                String text = reader.nextString().trim();
                if (text.isEmpty()) {
                    return null;
                }
                if (Character.isDigit(text.charAt(text.length() - 1)) && text.indexOf('T') < 0) {
                    return ofMillis(toMillis(text, reader));
                }
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new JsonDataException(
                            "Expected epoch milliseconds or an ISO-8601 instant but was '" + text + "' at path "
                                    + reader.getPath(),
                            e);
                }
            }
            default:
                throw new JsonDataException(
                        "Expected epoch milliseconds but was " + reader.peek() + " at path " + reader.getPath());
        }
    }

    private static Instant ofMillis(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    private static long toMillis(String text, JsonReader reader) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(text);
            } catch (NumberFormatException notANumber) {
                throw new JsonDataException(
                        "Expected epoch milliseconds but was '" + text + "' at path " + reader.getPath(), notANumber);
            }
        }
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else {
            writer.value(value.toEpochMilli());
        }
    }

    @Override
    public String toString() {
        return "JsonAdapter(Instant as epoch ms)";
    }
}
