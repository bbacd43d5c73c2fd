package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import java.io.EOFException;
import java.util.List;
import okio.Buffer;
import okio.ByteString;

/**
 * Column values in the text format of PostgreSQL's {@code COPY}, written as UTF-8 into a buffer: {@code \N} for
 * null, backslash, tab and line breaks escaped. PostgreSQL cannot store the character U+0000 in {@code text} or
 * {@code jsonb}, so it becomes U+FFFD in text, and the JSON escape <code>&#92;u0000</code> becomes
 * <code>&#92;ufffd</code>. Not thread-safe: one per sink.
 */
final class CopyText {

    private static final ByteString JSON_NUL = ByteString.encodeUtf8("\\u0000");
    /** <code>&#92;ufffd</code>, with its backslash escaped for COPY. */
    private static final ByteString COPY_JSON_REPLACEMENT = ByteString.encodeUtf8("\\\\ufffd");

    /** A value's JSON text before it is escaped into the line. */
    private final Buffer json = new Buffer();

    /**
     * Appends one row: its values separated by tabs, and a line break.
     *
     * @param out where to write
     * @param columns the row's columns
     * @param values the values, as the columns read them, or null
     * @param straight whether the row goes straight into the table ({@link #append})
     */
    void row(Buffer out, List<Column> columns, Object[] values, boolean straight) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.writeByte('\t');
            }
            append(out, columns.get(i), values[i], straight);
        }
        out.writeByte('\n');
    }

    /**
     * Appends one value.
     *
     * @param out the line
     * @param column the value's column
     * @param value the value, as the column reads it, or null
     * @param straight whether the value goes straight into the table, where a timestamp is text
     *     ({@link CopyTimestamp}); the staging table takes epoch milliseconds
     */
    void append(Buffer out, Column column, Object value, boolean straight) {
        if (value == null) {
            out.writeByte('\\').writeByte('N');
            return;
        }
        switch (column.type()) {
            case BOOLEAN -> out.writeByte(Boolean.TRUE.equals(value) ? 't' : 'f');
            case JSON -> appendJson(out, value);
            case TIMESTAMP -> {
                if (straight) {
                    CopyTimestamp.append(out, (Long) value);
                } else {
                    out.writeDecimalLong((Long) value);
                }
            }
            default -> {
                if (value instanceof Long number) {
                    out.writeDecimalLong(number);
                } else {
                    appendText(out, value.toString());
                }
            }
        }
    }

    /**
     * JSON text has no raw tab, line break or U+0000: only its backslashes are doubled, and <code>&#92;u0000</code>
     * replaced.
     */
    private void appendJson(Buffer out, Object value) {
        JsonValues.writeJsonUtf8(value, json);
        try {
            for (long at = json.indexOf((byte) '\\'); at >= 0; at = json.indexOf((byte) '\\')) {
                out.write(json, at);
                if (json.rangeEquals(0, JSON_NUL)) {
                    json.skip(JSON_NUL.size());
                    out.write(COPY_JSON_REPLACEMENT);
                    continue;
                }
                // An escape: its backslash, doubled, and the escaped character, also doubled if it is a backslash.
                json.skip(1);
                out.writeByte('\\').writeByte('\\');
                if (json.getByte(0) == '\\') {
                    json.skip(1);
                    out.writeByte('\\').writeByte('\\');
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("JSON text ended inside an escape: " + e.getMessage(), e);
        }
        out.write(json, json.size());
    }

    /** Text with backslash, tab and line breaks escaped and U+0000 replaced by U+FFFD. */
    static void appendText(Buffer out, String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\0' -> "\uFFFD";
                default -> null;
            };
            if (replacement != null) {
                out.writeUtf8(text, from, i).writeUtf8(replacement);
                from = i + 1;
            }
        }
        out.writeUtf8(text, from, text.length());
    }
}
