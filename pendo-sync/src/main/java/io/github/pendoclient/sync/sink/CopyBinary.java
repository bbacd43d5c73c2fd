package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import java.io.EOFException;
import java.util.List;
import okio.Buffer;
import okio.ByteString;
import okio.Utf8;

/**
 * Rows in the binary format of PostgreSQL's {@code COPY ... (FORMAT binary)}, written into a buffer: a header, then
 * per row the number of fields and each field as its length (-1 for null) and its bytes in the type's binary form
 * (big-endian {@code bigint}, IEEE 754 {@code double precision}, one byte for {@code boolean}, microseconds since
 * 2000-01-01 UTC for {@code timestamptz}, UTF-8 for {@code text}, a version byte 1 and the JSON text for
 * {@code jsonb}), then a trailer. The server reads these without parsing text, so a first load is cheaper on both
 * sides than {@link CopyText}.
 *
 * <p>The values stored are those of {@link CopyText}: the same conversions (a {@code Long} in a {@code double
 * precision} column, anything but {@code TRUE} as false), U+0000 replaced by U+FFFD in text and the JSON escape
 * <code>&#92;u0000</code> by <code>&#92;ufffd</code>, and an unpaired surrogate written as {@code ?}, as Okio's UTF-8
 * encoder writes it for both. Binary fields must match the column's type exactly, so a table whose columns have other
 * types (altered by hand) is written in text ({@link PostgresTypes#fits}). Not thread-safe: one per sink.
 */
final class CopyBinary {

    /** The signature, the flags (no OIDs) and the length of the header extension (none). */
    private static final ByteString HEADER = ByteString.of(
            (byte) 'P',
            (byte) 'G',
            (byte) 'C',
            (byte) 'O',
            (byte) 'P',
            (byte) 'Y',
            (byte) '\n',
            (byte) 0xFF,
            (byte) '\r',
            (byte) '\n',
            (byte) 0,
            (byte) 0,
            (byte) 0,
            (byte) 0,
            (byte) 0,
            (byte) 0,
            (byte) 0,
            (byte) 0,
            (byte) 0);

    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in milliseconds since 1970. */
    static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;

    private static final ByteString JSON_NUL = ByteString.encodeUtf8("\\u0000");
    private static final ByteString JSON_REPLACEMENT = ByteString.encodeUtf8("\\ufffd");
    private static final byte JSONB_VERSION = 1;

    /** A value's JSON text before it is copied into the row. */
    private final Buffer json = new Buffer();

    /**
     * Starts a {@code COPY}: its header.
     *
     * @param out where to write
     */
    static void begin(Buffer out) {
        out.write(HEADER);
    }

    /**
     * Ends a {@code COPY}: its trailer.
     *
     * @param out where to write
     */
    static void end(Buffer out) {
        out.writeShort(-1);
    }

    /**
     * Appends one row.
     *
     * @param out where to write
     * @param columns the row's columns
     * @param values the values, as the columns read them, or null
     * @param straight whether the row goes straight into the table, whose timestamps are {@code timestamptz} and JSON
     *     {@code jsonb}; the staging table takes epoch milliseconds ({@code bigint}) and JSON as {@code text}
     */
    void row(Buffer out, List<Column> columns, Object[] values, boolean straight) {
        out.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            append(out, columns.get(i), values[i], straight);
        }
    }

    private void append(Buffer out, Column column, Object value, boolean straight) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (column.type()) {
            case TEXT -> appendText(out, value.toString());
            case BIGINT -> out.writeInt(8).writeLong(whole(column, value));
            case DOUBLE -> out.writeInt(8).writeLong(Double.doubleToLongBits(decimal(column, value)));
            case BOOLEAN -> out.writeInt(1).writeByte(Boolean.TRUE.equals(value) ? 1 : 0);
            case TIMESTAMP -> {
                long epochMillis = (Long) value;
                // A straight row's instants are in the years 1 to 9999 (CopyTimestamp.fits): no overflow here.
                out.writeInt(8).writeLong(straight ? (epochMillis - POSTGRES_EPOCH_MILLIS) * 1_000 : epochMillis);
            }
            case JSON -> appendJson(out, value, straight);
            default -> throw new IllegalArgumentException("Unknown column type " + column.type());
        }
    }

    /** A {@code bigint} as the text path writes it: a whole number's decimal text, read back by the server. */
    private static long whole(Column column, Object value) {
        if (value instanceof Long number) {
            return number;
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Column " + column.name() + " is a BIGINT and takes a Long, got a "
                            + value.getClass().getName(),
                    e);
        }
    }

    /** A {@code double precision} as the text path writes it: the value's decimal text, read back by the server. */
    private static double decimal(Column column, Object value) {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Long number) {
            return number; // rounded to the nearest double, as the server reads its decimal text
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Column " + column.name() + " is a DOUBLE and takes a Double, got a "
                            + value.getClass().getName(),
                    e);
        }
    }

    /** Text as UTF-8 with U+0000, which PostgreSQL cannot store, replaced by U+FFFD. */
    static void appendText(Buffer out, String text) {
        String stored = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        out.writeInt(Math.toIntExact(Utf8.size(stored)));
        out.writeUtf8(stored);
    }

    /**
     * JSON text, after the {@code jsonb} version byte when it goes straight in; the escape <code>&#92;u0000</code>,
     * which {@code jsonb} refuses, becomes <code>&#92;ufffd</code> (as long: the length is known up front).
     */
    private void appendJson(Buffer out, Object value, boolean straight) {
        JsonValues.writeJsonUtf8(value, json);
        out.writeInt(Math.toIntExact(json.size() + (straight ? 1 : 0)));
        if (straight) {
            out.writeByte(JSONB_VERSION);
        }
        try {
            for (long at = json.indexOf((byte) '\\'); at >= 0; at = json.indexOf((byte) '\\')) {
                out.write(json, at);
                if (json.rangeEquals(0, JSON_NUL)) {
                    json.skip(JSON_NUL.size());
                    out.write(JSON_REPLACEMENT);
                } else {
                    out.write(json, 2); // an escape: its backslash and the escaped character, maybe a backslash
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("JSON text ended inside an escape: " + e.getMessage(), e);
        }
        out.write(json, json.size());
    }
}
