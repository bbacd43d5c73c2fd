package io.github.pendoclient.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads JSON objects straight from the bytes of the source a Moshi {@link JsonReader} reads, into the values
 * {@link JsonValues#read} makes: for the millions of rows of a large aggregation, where Moshi's token by token
 * reading and a new string and hash for every member name cost more than the rows themselves. The reader keeps the
 * document's structure (the envelope, the commas between rows, the end of the array); this parser reads what is
 * inside one object, from the bytes after its opening brace to the byte before its closing one, and leaves that brace
 * to the reader.
 *
 * <p>It accepts what Moshi's strict reader accepts and reads it into the same values: {@code Long} for a number
 * whose exact value is whole and fits (2.0 and 1e3 included, as Moshi's {@code nextLong} reads them),
 * {@code Double} otherwise, {@code BigDecimal} beyond both; strings decoded as UTF-8 between escapes, as Moshi does;
 * the last of repeated member names wins. Malformed JSON is a {@link JsonEncodingException}, a body that ends early an
 * {@link EOFException}, nesting past 255 levels a {@link JsonDataException}, each naming the path. One difference
 * on purpose: Moshi refuses a few valid integers of more than 64 digits whose 64-bit accumulation wraps to zero
 * (1 followed by 64 zeros); this parser reads them, as {@code BigDecimal}.
 *
 * <p>Member names repeat from row to row: each position in the rows remembers the last name read there, and a name
 * whose bytes are the same is that same {@code String} (its hash already computed) rather than a new one. One
 * parser per source, used by one thread at a time.
 */
public final class SegmentParser {

    private static final int MAX_DEPTH = 255;

    private static final int FIRST_SCRATCH = 256;
    private static final int KEPT_SCRATCH = 64 * 1024;

    /** Per thread, the parser bound to the reader whose row it is reading (see {@link #bind}). */
    private static final ThreadLocal<SegmentParser> BOUND = new ThreadLocal<>();

    private final BufferedSource source;
    private final Buffer buffer;
    private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();
    private final NameSlot root = new NameSlot();

    /** The current segment: its bytes, the next byte to read, and the end of its readable bytes. */
    private byte[] data;

    private int pos;
    private int end;
    /** Where the current segment's readable bytes start, in its array and in the buffer. */
    private int segmentStart;

    private long segmentOffset;
    private boolean open;
    /** Bytes of a string or number read across segments; one that grew past {@link #KEPT_SCRATCH} is dropped. */
    private byte[] scratch = new byte[FIRST_SCRATCH];

    private final String[] pathNames = new String[MAX_DEPTH + 1];
    private final int[] pathIndices = new int[MAX_DEPTH + 1];
    private final boolean[] pathInArray = new boolean[MAX_DEPTH + 1];
    private int depth;
    private JsonReader reader;
    private JsonReader boundReader;

    /**
     * A parser for the bytes of a source.
     *
     * @param source the source the {@link JsonReader} passed to {@link #readObject} reads
     */
    public SegmentParser(BufferedSource source) {
        this.source = source;
        this.buffer = source.getBuffer();
    }

    /**
     * Reads the next value of the reader, which must be an object, as {@link JsonValues#readObject} does.
     *
     * @param reader a reader of this parser's source, positioned before an object
     * @return the object's members in document order
     * @throws IOException if the JSON is malformed or ends early
     * @throws JsonDataException if the next value is not an object, or nests too deep
     */
    public Map<String, Object> readObject(JsonReader reader) throws IOException {
        return readObject(reader, new LinkedHashMap<>(root.capacity()));
    }

    /**
     * Reads the next value of the reader, which must be an object, into a map.
     *
     * @param reader a reader of this parser's source, positioned before an object
     * @param into the map to put the members in, in document order
     * @return {@code into}
     * @throws IOException if the JSON is malformed or ends early
     * @throws JsonDataException if the next value is not an object, or nests too deep
     */
    public Map<String, Object> readObject(JsonReader reader, Map<String, Object> into) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new JsonDataException(
                    "Expected a JSON object but was " + reader.peek() + " at path " + reader.getPath());
        }
        reader.beginObject();
        this.reader = reader;
        depth = 0;
        pathNames[0] = null;
        try {
            startReading();
            members(root, into);
        } finally {
            stopReading();
            this.reader = null;
            if (scratch.length > KEPT_SCRATCH) {
                scratch = new byte[FIRST_SCRATCH]; // a long string is not kept for the rest of the stream
            }
        }
        reader.endObject();
        return into;
    }

    /**
     * Makes this parser the one {@link JsonValues#read} and the record adapters use for the reader's objects on this
     * thread, until {@link #unbind}: for a caller that hands the reader to an adapter, such as a row's.
     *
     * @param reader the reader of this parser's source
     * @return the parser bound before, to give to {@link #unbind}
     */
    public SegmentParser bind(JsonReader reader) {
        SegmentParser previous = BOUND.get();
        boundReader = reader;
        BOUND.set(this);
        return previous;
    }

    /**
     * Ends {@link #bind}.
     *
     * @param previous what {@link #bind} returned
     */
    public void unbind(SegmentParser previous) {
        boundReader = null;
        if (previous == null) {
            BOUND.remove();
        } else {
            BOUND.set(previous);
        }
    }

    /** The parser bound to this reader on this thread, or null. */
    static SegmentParser boundTo(JsonReader reader) {
        SegmentParser parser = BOUND.get();
        return parser != null && parser.boundReader == reader ? parser : null;
    }

    private void startReading() throws IOException {
        if (buffer.size() == 0) {
            source.request(1);
        }
        buffer.readUnsafe(cursor);
        open = true;
        if (cursor.seek(0) == -1) {
            data = null;
            pos = 0;
            end = 0;
            segmentStart = 0;
            segmentOffset = 0;
        } else {
            enterSegment();
        }
    }

    private void enterSegment() {
        data = cursor.data;
        pos = cursor.start;
        end = cursor.end;
        segmentStart = cursor.start;
        segmentOffset = cursor.offset;
    }

    /** Consumes the bytes read so far from the buffer and closes the cursor. */
    private void stopReading() {
        if (!open) {
            return;
        }
        long consumed = data == null ? 0 : segmentOffset + (pos - segmentStart);
        cursor.close();
        open = false;
        try {
            buffer.skip(consumed);
        } catch (EOFException cannotHappen) {
            throw new IllegalStateException("The parser read past its buffer", cannotHappen);
        }
    }

    /** Moves to the next segment, reading more from the source when the buffer is used up; false at its end. */
    private boolean nextSegment() throws IOException {
        if (data != null && cursor.next() != -1) {
            enterSegment();
            return true;
        }
        stopReading();
        boolean more = source.request(1);
        startReading();
        return more && data != null;
    }

    private int peekByte() throws IOException {
        if (pos == end && !nextSegment()) {
            throw new EOFException("End of input at path " + path());
        }
        return data[pos];
    }

    /** The next byte that is not whitespace, not consumed. */
    private int nextNonWhitespace() throws IOException {
        while (true) {
            if (pos == end && !nextSegment()) {
                throw new EOFException("End of input at path " + path());
            }
            byte b = data[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return b;
            }
        }
    }

    private Map<String, Object> members(NameSlot slot, Map<String, Object> map) throws IOException {
        int c = nextNonWhitespace();
        if (c == '}') {
            return map;
        }
        int ordinal = 0;
        while (true) {
            if (c != '"') {
                throw syntaxError("Expected a name but was '" + (char) c + "'");
            }
            pos++;
            String name = name(slot, ordinal);
            pathNames[depth] = name;
            c = nextNonWhitespace();
            if (c != ':') {
                throw syntaxError("Expected ':' but was '" + (char) c + "'");
            }
            pos++;
            map.put(name, value(slot == null ? null : slot.child(ordinal)));
            ordinal++;
            c = nextNonWhitespace();
            if (c == ',') {
                pos++;
                c = nextNonWhitespace();
            } else if (c == '}') {
                if (slot != null) {
                    slot.sized(map.size());
                }
                return map;
            } else {
                throw syntaxError("Unterminated object");
            }
        }
    }

    private List<Object> elements(NameSlot slot) throws IOException {
        List<Object> list = new ArrayList<>();
        int c = nextNonWhitespace();
        if (c == ']') {
            return list;
        }
        while (true) {
            pathIndices[depth] = list.size();
            list.add(value(slot));
            c = nextNonWhitespace();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                return list;
            } else {
                throw syntaxError("Unterminated array");
            }
        }
    }

    private Object value(NameSlot slot) throws IOException {
        int c = nextNonWhitespace();
        switch (c) {
            case '{': {
                pos++;
                push(false);
                Map<String, Object> map = members(slot, new LinkedHashMap<>(slot == null ? 16 : slot.capacity()));
                pos++; // the closing brace
                depth--;
                return map;
            }
            case '[': {
                pos++;
                push(true);
                List<Object> list = elements(slot == null ? null : slot.element());
                pos++;
                depth--;
                return list;
            }
            case '"':
                pos++;
                return string();
            case 't':
            case 'T':
                literal("true");
                return Boolean.TRUE;
            case 'f':
            case 'F':
                literal("false");
                return Boolean.FALSE;
            case 'n':
            case 'N':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw syntaxError("Expected a value but was '" + (char) c + "'");
        }
    }

    private void push(boolean array) {
        if (depth == MAX_DEPTH) {
            throw new JsonDataException("Nesting too deep at " + path());
        }
        depth++;
        pathNames[depth] = null;
        pathIndices[depth] = 0;
        pathInArray[depth] = array;
    }

    /** A keyword, its letters in either case as Moshi accepts them, followed by a byte that ends a value. */
    private void literal(String keyword) throws IOException {
        for (int i = 0; i < keyword.length(); i++) {
            if (pos == end && !nextSegment()) {
                throw syntaxError("Expected a value"); // as Moshi: a keyword cut short is no value
            }
            int c = data[pos];
            if (c != keyword.charAt(i) && c != Character.toUpperCase(keyword.charAt(i))) {
                throw syntaxError("Expected a value");
            }
            pos++;
        }
        endOfScalar();
    }

    /** After a number or keyword: the byte that follows must end it. */
    private void endOfScalar() throws IOException {
        int c = peekByte();
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            throw syntaxError("Expected a value");
        }
    }

    /** A member name after its opening quote: the string the slot remembers when the bytes match. */
    private String name(NameSlot slot, int ordinal) throws IOException {
        int start = pos;
        int i = pos;
        byte[] bytes = data;
        int limit = end;
        while (i < limit) {
            byte b = bytes[i];
            if (b == '"') {
                int length = i - start;
                pos = i + 1;
                if (slot != null && ordinal < NameSlot.MAX_MEMBERS && length <= NameSlot.MAX_NAME_BYTES) {
                    return slot.name(ordinal, bytes, start, length);
                }
                return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0) {
                break;
            }
            i++;
        }
        return slowString();
    }

    /** A string value after its opening quote. */
    private String string() throws IOException {
        int start = pos;
        byte[] bytes = data;
        int limit = end;
        for (int i = start; i < limit; i++) {
            byte b = bytes[i];
            if (b == '"') {
                pos = i + 1;
                return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0) {
                break;
            }
        }
        return slowString();
    }

    /**
     * A string with escapes, bytes beyond ASCII, or across segments: each run between escapes decoded as UTF-8 on
     * its own, as Moshi decodes it.
     */
    private String slowString() throws IOException {
        StringBuilder text = null;
        int length = 0;
        while (true) {
            if (pos == end && !nextSegment()) {
                throw syntaxError("Unterminated string");
            }
            byte b = data[pos++];
            if (b == '"') {
                String run = new String(scratch, 0, length, StandardCharsets.UTF_8);
                return text == null ? run : text.append(run).toString();
            }
            if (b == '\\') {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(new String(scratch, 0, length, StandardCharsets.UTF_8));
                length = 0;
                escape(text);
                continue;
            }
            if (length == scratch.length) {
                scratch = Arrays.copyOf(scratch, length * 2);
            }
            scratch[length++] = b;
        }
    }

    private void escape(StringBuilder text) throws IOException {
        if (pos == end && !nextSegment()) {
            throw syntaxError("Unterminated escape sequence");
        }
        int c = data[pos++];
        switch (c) {
            case 'u': {
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int h = readByte();
                    int digit = Character.digit(h, 16);
                    if (digit < 0) {
                        throw syntaxError("\\u escape with a non-hex digit");
                    }
                    value = value * 16 + digit;
                }
                text.append((char) value);
                return;
            }
            case 't':
                text.append('\t');
                return;
            case 'b':
                text.append('\b');
                return;
            case 'n':
                text.append('\n');
                return;
            case 'r':
                text.append('\r');
                return;
            case 'f':
                text.append('\f');
                return;
            case '\n':
            case '\'':
            case '"':
            case '\\':
            case '/':
                text.append((char) c);
                return;
            default:
                throw syntaxError("Invalid escape sequence: \\" + (char) (c & 0xff));
        }
    }

    private int readByte() throws IOException {
        if (pos == end && !nextSegment()) {
            throw new EOFException("End of input at path " + path());
        }
        return data[pos++];
    }

    /**
     * A number: its bytes checked against JSON's grammar (what Moshi's strict reader refuses is refused here too),
     * then read as {@link JsonValues} reads Moshi's numbers; a whole number of up to 18 digits without a string in
     * between.
     */
    private Object number() throws IOException {
        int length = 0;
        long value = 0;
        boolean whole = true;
        while (pos < end || nextSegment()) {
            byte b = data[pos];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
            } else if (b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-' && length > 0) {
                whole = false;
            } else if (b != '-') {
                break;
            }
            if (length == scratch.length) {
                scratch = Arrays.copyOf(scratch, length * 2);
            }
            scratch[length++] = b;
            pos++;
        }
        if (!isJsonNumber(scratch, length)) {
            throw syntaxError("Malformed number"); // also when cut short by the end of input, as Moshi reports it
        }
        endOfScalar();
        boolean negative = scratch[0] == '-';
        if (whole && length - (negative ? 1 : 0) <= 18) {
            return negative ? -value : value;
        }
        String text = new String(scratch, 0, length, StandardCharsets.ISO_8859_1);
        if (whole) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                return JsonValues.parseNumber(text);
            }
        }
        // As Moshi's nextLong: a number whose exact decimal value is whole and fits is a Long (2.0, 1e3).
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException fractionalOrTooLarge) {
            return JsonValues.parseNumber(text);
        }
    }

    /** Whether the bytes are one JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    static boolean isJsonNumber(byte[] text, int length) {
        int i = 0;
        if (i < length && text[i] == '-') {
            i++;
        }
        if (i < length && text[i] == '0') {
            i++;
        } else {
            int digits = i;
            while (i < length && text[i] >= '0' && text[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < length && text[i] == '.') {
            int digits = ++i;
            while (i < length && text[i] >= '0' && text[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < length && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            if (i < length && (text[i] == '+' || text[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < length && text[i] >= '0' && text[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        return i == length;
    }

    private JsonEncodingException syntaxError(String message) {
        return new JsonEncodingException(message + " at path " + path());
    }

    /** The path of the byte being read, as Moshi writes it: the reader's path to the row, then the row's own. */
    private String path() {
        StringBuilder path = new StringBuilder(reader == null ? "$" : trimmed(reader.getPath()));
        path.append('.').append(pathNames[0] == null ? "" : pathNames[0]);
        for (int i = 1; i <= depth; i++) {
            if (pathInArray[i]) {
                path.append('[').append(pathIndices[i]).append(']');
            } else {
                path.append('.').append(pathNames[i] == null ? "" : pathNames[i]);
            }
        }
        return path.toString();
    }

    private static String trimmed(String readerPath) {
        return readerPath.endsWith(".") ? readerPath.substring(0, readerPath.length() - 1) : readerPath;
    }
}
