package io.github.pendoclient.internal.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import okio.BufferedSink;

/**
 * Writes JSON values as UTF-8 into a byte array, byte for byte as {@link JsonValues#write} through Moshi's writer with
 * nulls kept writes them (the same escapes, <code>&#92;u2028</code> and <code>&#92;u2029</code> included, the same
 * number text, {@code ?} for a lone surrogate as Okio writes it), without Moshi's per-token bookkeeping: for hot loops
 * that write many rows, such as a sink's {@code raw} column or the fake's aggregation answers. Handles maps,
 * collections, strings, numbers, booleans and nulls; a value holding anything else, a non-finite number, or nesting
 * deeper than {@value #MAX_DEPTH} is refused whole, so the caller can write it through Moshi, which then writes it or
 * fails exactly as it always did. A subclass may write values of its own types ({@link #custom}). Not thread-safe.
 */
public class JsonBytesWriter {

    /** The deepest nesting written here; Moshi itself stops at 255 open scopes, counted from the answer's root. */
    public static final int MAX_DEPTH = 200;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Texts at least this long (and at most {@link #CACHED_MAX}) are kept encoded by {@link #appendText}. */
    private static final int CACHED_LENGTH = 24;
    /** Longer texts are not kept, so that a writer kept for reuse holds no large text alive. */
    private static final int CACHED_MAX = 1024;
    /** A buffer grown past this is dropped by {@link #reset}, so that a writer kept for reuse stays small. */
    private static final int KEPT_BYTES = 256 * 1024;

    private static final int FIRST_BYTES = 8 * 1024;

    private byte[] bytes = new byte[FIRST_BYTES];
    private int size;
    private final String[] cachedTexts = new String[64];
    private final byte[][] cachedJson = new byte[64][];

    /** An empty writer. */
    public JsonBytesWriter() {}

    /**
     * Appends a value, or nothing when Moshi must write it.
     *
     * @param value maps, collections, strings, numbers, booleans and nulls
     * @return false, with nothing appended, if the value holds something else, a non-finite number, or nests too deep
     */
    public boolean append(Object value) {
        int start = size;
        if (value(value, 0)) {
            return true;
        }
        size = start;
        return false;
    }

    /**
     * Appends JSON text as it is.
     *
     * @param ascii text of ASCII characters only
     */
    public void appendRaw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[size++] = (byte) ascii.charAt(i);
        }
    }

    /**
     * Appends JSON text as it is.
     *
     * @param json UTF-8 bytes of JSON text
     */
    public void appendBytes(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, bytes, size, json.length);
        size += json.length;
    }

    /**
     * Appends a whole number.
     *
     * @param number the number
     */
    public void appendLong(long number) {
        if (number == Long.MIN_VALUE) {
            appendRaw(Long.toString(number));
            return;
        }
        ensure(20);
        long rest = number;
        if (rest < 0) {
            bytes[size++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long scale = 10; digits < 19 && rest >= scale; scale *= 10) {
            digits++;
        }
        int at = size + digits;
        size = at;
        // Two digits per division.
        while (rest >= 100) {
            int pair = (int) (rest % 100);
            rest /= 100;
            bytes[--at] = (byte) ('0' + pair % 10);
            bytes[--at] = (byte) ('0' + pair / 10);
        }
        bytes[--at] = (byte) ('0' + rest % 10);
        if (rest >= 10) {
            bytes[--at] = (byte) ('0' + rest / 10);
        }
    }

    /**
     * Appends a string, or null.
     *
     * @param text the string, or null
     */
    public void appendText(String text) {
        if (text == null) {
            appendRaw("null");
        } else if (text.length() < CACHED_LENGTH || text.length() > CACHED_MAX) {
            string(text);
        } else {
            // Long texts repeat in event rows (user agents, shared instances): their JSON is kept, by identity.
            int slot = System.identityHashCode(text) & (cachedTexts.length - 1);
            if (cachedTexts[slot] != text) {
                int start = size;
                string(text);
                cachedTexts[slot] = text;
                cachedJson[slot] = Arrays.copyOfRange(bytes, start, size);
                return;
            }
            appendBytes(cachedJson[slot]);
        }
    }

    /**
     * Bytes appended and not yet written out.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Writes what was appended to a sink and starts over.
     *
     * @param sink the sink
     * @throws IOException if the sink fails
     */
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes, 0, size);
        size = 0;
    }

    /**
     * Writes a value of a subclass's own type, before the types this class knows (so a subclass may write a map of
     * its own faster); called for every value but strings and whole numbers.
     *
     * @param value the value, not null
     * @return true if the value was written; false (the default) to write it as this class does
     */
    protected boolean custom(Object value) {
        return false;
    }

    /**
     * The bytes appended so far, copied.
     *
     * @return the bytes
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Drops what was appended, and a buffer that grew large, to be used again. */
    public void reset() {
        size = 0;
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[FIRST_BYTES];
        }
    }

    private boolean value(Object value, int depth) {
        if (value == null) {
            appendRaw("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            appendLong(((Number) value).longValue());
        } else if (custom(value)) {
            return true;
        } else if (value instanceof Map<?, ?> map) {
            return depth < MAX_DEPTH && object(map, depth);
        } else if (value instanceof Collection<?> list) {
            return depth < MAX_DEPTH && array(list, depth);
        } else if (value instanceof Boolean bool) {
            appendRaw(bool ? "true" : "false");
        } else if (value instanceof Number number) {
            // Moshi writes a number's toString() as it is, and refuses NaN and the infinities.
            String text = number.toString();
            if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity") || !plainAscii(text)) {
                return false;
            }
            appendRaw(text);
        } else {
            return false;
        }
        return true;
    }

    private boolean object(Map<?, ?> map, int depth) {
        appendByte('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                appendByte(',');
            }
            first = false;
            string(String.valueOf(entry.getKey()));
            appendByte(':');
            if (!value(entry.getValue(), depth + 1)) {
                return false;
            }
        }
        appendByte('}');
        return true;
    }

    private boolean array(Collection<?> list, int depth) {
        appendByte('[');
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                appendByte(',');
            }
            first = false;
            if (!value(element, depth + 1)) {
                return false;
            }
        }
        appendByte(']');
        return true;
    }

    private void appendByte(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
    }

    /** A JSON string, escaped as Moshi's writer escapes it and encoded as Okio encodes UTF-16. */
    private void string(String text) {
        int length = text.length();
        ensure(6 * length + 2);
        byte[] out = bytes;
        int at = size;
        out[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out[at++] = (byte) c;
                } else {
                    at = escape(c, out, at);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (c == '\u2028' || c == '\u2029') {
                out[at++] = '\\';
                out[at++] = 'u';
                out[at++] = '2';
                out[at++] = '0';
                out[at++] = '2';
                out[at++] = (byte) (c == '\u2028' ? '8' : '9');
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | code & 0x3f);
            } else {
                out[at++] = '?';
            }
        }
        out[at++] = '"';
        size = at;
    }

    private static int escape(char c, byte[] out, int at) {
        out[at++] = '\\';
        switch (c) {
            case '"' -> out[at++] = '"';
            case '\\' -> out[at++] = '\\';
            case '\t' -> out[at++] = 't';
            case '\b' -> out[at++] = 'b';
            case '\n' -> out[at++] = 'n';
            case '\r' -> out[at++] = 'r';
            case '\f' -> out[at++] = 'f';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xf];
            }
        }
        return at;
    }

    private static boolean plainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
