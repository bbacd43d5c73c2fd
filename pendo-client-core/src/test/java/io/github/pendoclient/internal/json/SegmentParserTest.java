package io.github.pendoclient.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser reads every object exactly as Moshi's reader and {@link JsonValues} read it (the same values, types,
 * order and errors), wherever the source's segments and reads happen to end.
 */
class SegmentParserTest {

    /** A source that hands out one byte per read, so that every byte is a refill of the buffer. */
    private static final class OneByteAtATime implements Source {
        private final Buffer bytes;

        OneByteAtATime(byte[] bytes) {
            this.bytes = new Buffer().write(bytes);
        }

        @Override
        public long read(Buffer sink, long byteCount) {
            if (bytes.size() == 0) {
                return -1;
            }
            sink.write(bytes, 1);
            return 1;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {}
    }

    private static Object viaMoshi(byte[] json) throws IOException {
        JsonReader reader = JsonReader.of(new Buffer().write(json));
        Object value = JsonValues.read(reader);
        assertThat(reader.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
        return value;
    }

    private static Object viaParser(byte[] json, boolean oneByteAtATime) throws IOException {
        BufferedSource source = oneByteAtATime ? Okio.buffer(new OneByteAtATime(json)) : new Buffer().write(json);
        JsonReader reader = JsonReader.of(source);
        Object value = new SegmentParser(source).readObject(reader);
        assertThat(reader.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
        return value;
    }

    /** Same value, same classes all the way down, same order (compared through toString, which shows order). */
    private static void assertSameAsMoshi(byte[] json) throws IOException {
        Object expected = viaMoshi(json);
        for (boolean oneByte : new boolean[] {false, true}) {
            Object actual = viaParser(json, oneByte);
            assertThat(actual).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(String.valueOf(actual)).isEqualTo(String.valueOf(expected));
            assertThat(shapeOf(actual)).isEqualTo(shapeOf(expected));
        }
    }

    private static void assertSameAsMoshi(String json) throws IOException {
        assertSameAsMoshi(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The classes of a value and of everything in it, so that 2 and 2.0 or a Long and a BigDecimal differ. */
    private static String shapeOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(k).append(':').append(shapeOf(v)).append(','));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(shapeOf(v)).append(','));
            return out.append(']').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    @Test
    void everyKindOfValueReadsAsMoshiReadsIt() throws IOException {
        assertSameAsMoshi("{}");
        assertSameAsMoshi(" { \"a\" : 1 , \"b\":\t[ ] ,\r\n\"c\" : { } } ");
        assertSameAsMoshi("{\"s\":\"text\",\"t\":true,\"f\":false,\"n\":null,\"l\":[1,\"two\",[3],{\"four\":4}]}");
        assertSameAsMoshi("{\"deep\":{\"er\":{\"est\":[[[{\"x\":[]}]]]}}}");
        assertSameAsMoshi("{\"upper\":TRUE,\"mixed\":FaLsE,\"nil\":NULL}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-0",
                "7",
                "-7",
                "1.0",
                "2.5",
                "-2.50",
                "1e2",
                "1E+2",
                "1e-2",
                "0.1e1",
                "1.5e3",
                "123456789012345678",
                "1234567890123456789",
                "9223372036854775807",
                "-9223372036854775808",
                "9223372036854775808",
                "-9223372036854775809",
                "12345678901234567890123",
                "1e400",
                "-1e400",
                "9.223372036854775807E18",
                "0.000001",
                "1e-400",
                "4.9e-324",
                "1797693134862315708145274237317043567981e269"
            })
    void numbersReadAsMoshisNextLongThenJsonValuesRead(String number) throws IOException {
        assertSameAsMoshi("{\"n\":" + number + ",\"in\":[" + number + "]}");
    }

    @Test
    void stringsDecodeEscapesAndUtf8AsMoshiDoes() throws IOException {
        assertSameAsMoshi("{\"esc\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC \\ud83d\\ude00 \\ud800 lone\"}");
        assertSameAsMoshi("{\"utf8\":\"visitör-日本-😀\",\"名前\":\"key beyond ASCII\"}");
        assertSameAsMoshi("{\"raw control\":\"tab\tnew\nline\",\"\":\"empty name\",\"e\":\"\"}");
        assertSameAsMoshi("{\"escaped name \\u0041\":1,\"back\\\\slash\":2}");
        // Malformed UTF-8: a lone lead byte, an invalid byte, a truncated sequence before an escape.
        byte[] malformed = {
            '{',
            '"',
            'a',
            '"',
            ':',
            '"',
            (byte) 0xC3,
            '"',
            ',',
            '"',
            'b',
            '"',
            ':',
            '"',
            (byte) 0xFF,
            'x',
            '"',
            ',',
            '"',
            'c',
            '"',
            ':',
            '"',
            (byte) 0xE6,
            (byte) 0x97,
            '\\',
            'n',
            '"',
            '}'
        };
        assertSameAsMoshi(malformed);
    }

    @Test
    void aStringAndANumberLongerThanManySegmentsReadWhole() throws IOException {
        String text = "é😀\\n".repeat(20_000) + "x".repeat(70_000);
        String digits = "123456789".repeat(3_000);
        assertSameAsMoshi("{\"long\":\"" + text + "\",\"big\":" + digits + ",\"after\":\"short\"}");
    }

    @Test
    void aLongIntegerMoshiRefusesByAccidentIsABigDecimal() throws IOException {
        // Moshi's digit accumulator wraps to zero after 1 and 64 zeros, and it then takes the next 0 for a leading
        // zero and refuses the number; the number is valid JSON, so this parser reads it.
        String number = "1" + "0".repeat(70);
        assertThat(catchThrowable(() -> viaMoshi(("{\"n\":" + number + "}").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
        Object read = viaParser(("{\"n\":" + number + "}").getBytes(StandardCharsets.UTF_8), true);
        assertThat(read).isEqualTo(Map.of("n", new java.math.BigDecimal(number)));
    }

    @Test
    void aRepeatedNameKeepsTheLastValueAtTheFirstPlace() throws IOException {
        assertSameAsMoshi("{\"a\":1,\"b\":2,\"a\":3}");
    }

    @Test
    void randomDocumentsReadTheSameWhereverTheSegmentsEnd() throws IOException {
        Random random = new Random(20261208);
        for (int i = 0; i < 300; i++) {
            StringBuilder json = new StringBuilder();
            writeObject(json, random, 0);
            assertSameAsMoshi(json.toString());
        }
    }

    @Test
    void oneParserReadsThousandsOfRowsOfChangingShapesAsMoshiDoes() throws IOException {
        Random random = new Random(7);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            json.append(i == 0 ? "" : ",");
            writeObject(json, random, 0);
        }
        String document = json.append(']').toString();
        JsonReader moshi = JsonReader.of(new Buffer().writeUtf8(document));
        BufferedSource source = Okio.buffer(new OneByteAtATime(document.getBytes(StandardCharsets.UTF_8)));
        JsonReader reader = JsonReader.of(source);
        SegmentParser parser = new SegmentParser(source);
        moshi.beginArray();
        reader.beginArray();
        while (moshi.hasNext()) {
            assertThat(reader.hasNext()).isTrue();
            Object expected = JsonValues.read(moshi);
            Map<String, Object> actual = parser.readObject(reader);
            assertThat(actual).isEqualTo(expected);
            assertThat(shapeOf(actual)).isEqualTo(shapeOf(expected));
        }
        assertThat(reader.hasNext()).isFalse();
    }

    private static void writeValue(StringBuilder json, Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        switch (kind) {
            case 0 -> json.append(random.nextBoolean() ? "true" : "false");
            case 1 -> json.append("null");
            case 2 -> json.append(random.nextLong() >> random.nextInt(64));
            case 3 -> json.append(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4, 5 -> writeString(json, random);
            case 6 -> writeObject(json, random, depth + 1);
            default -> {
                json.append('[').append(space(random));
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        json.append(',').append(space(random));
                    }
                    writeValue(json, random, depth + 1);
                }
                json.append(space(random)).append(']');
            }
        }
    }

    private static void writeObject(StringBuilder json, Random random, int depth) {
        json.append('{').append(space(random));
        int n = random.nextInt(7);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                json.append(',').append(space(random));
            }
            writeString(json, random);
            json.append(space(random)).append(':').append(space(random));
            writeValue(json, random, depth);
        }
        json.append(space(random)).append('}');
    }

    private static final String[] PIECES = {
        "a", "name", "visitorId", "é", "日本", "😀", "\\n", "\\\"", "\\u0041", " ", "\\/"
    };

    private static void writeString(StringBuilder json, Random random) {
        json.append('"');
        int n = random.nextInt(6);
        for (int k = 0; k < n; k++) {
            json.append(PIECES[random.nextInt(PIECES.length)]);
        }
        json.append('"');
    }

    private static String space(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            default -> "";
        };
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":}",
                "{\"a\" 1}",
                "{\"a\":1,}",
                "{\"a\":[1,]}",
                "{\"a\":01}",
                "{\"a\":1.}",
                "{\"a\":-}",
                "{\"a\":1e}",
                "{\"a\":1x}",
                "{\"a\":tru}",
                "{\"a\":nul}",
                "{\"a\":'x'}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u00g0\"}",
                "{a:1}",
                "{\"a\":1 \"b\":2}",
                "{\"a\":[1 2]}",
                "{\"a\":1]",
                "{\"a\":/*c*/1}",
                "{\"a\":",
                "{\"a\":\"unterminated",
                "{\"a\":[1,2",
                "{\"a\":{\"b\":tr",
                "{\"a\":12",
                "{\"a\":1.5e"
            })
    void malformedJsonFailsWithTheExceptionMoshiThrows(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Throwable moshi = catchThrowable(() -> viaMoshi(bytes));
        assertThat(moshi).as("Moshi refuses %s", json).isNotNull();
        for (boolean oneByte : new boolean[] {false, true}) {
            Throwable parser = catchThrowable(() -> viaParser(bytes, oneByte));
            assertThat(parser).as(json).isInstanceOf(moshi.getClass());
            assertThat(parser.getMessage()).contains("at path $");
        }
    }

    @Test
    void aBodyThatEndsInsideARowNamesWhereItEnded() {
        byte[] bytes = "{\"a\":{\"b\":[1,{\"c\": ".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> viaParser(bytes, true))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("$.a.b[1].c");
    }

    @Test
    void nestingPastTheLimitIsADataError() {
        String json = "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}";
        assertThatThrownBy(() -> viaParser(json.getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("Nesting too deep");
    }

    @Test
    void theReaderGoesOnAfterEachObjectAsIfItHadReadItItself() throws IOException {
        String json = "{\"results\": [ {\"a\":1} ,\n{\"b\":[2]},{}], \"startTime\": 5}";
        Buffer source = new Buffer().writeUtf8(json);
        JsonReader reader = JsonReader.of(source);
        SegmentParser parser = new SegmentParser(source);
        reader.beginObject();
        assertThat(reader.nextName()).isEqualTo("results");
        reader.beginArray();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (reader.hasNext()) {
            rows.add(parser.readObject(reader));
        }
        reader.endArray();
        assertThat(reader.nextName()).isEqualTo("startTime");
        assertThat(reader.nextLong()).isEqualTo(5L);
        reader.endObject();
        assertThat(reader.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
        assertThat(rows).containsExactly(Map.of("a", 1L), Map.of("b", List.of(2L)), Map.of());
    }

    @Test
    void aNameRepeatedAtTheSamePlaceInTheNextRowIsTheSameString() throws IOException {
        Buffer source = new Buffer()
                .writeUtf8("[{\"visitorId\":\"a\",\"metadata\":{\"auto\":{\"firstvisit\":1}}},"
                        + "{\"visitorId\":\"b\",\"metadata\":{\"auto\":{\"firstvisit\":2}}}]");
        JsonReader reader = JsonReader.of(source);
        SegmentParser parser = new SegmentParser(source);
        reader.beginArray();
        Map<String, Object> first = parser.readObject(reader);
        Map<String, Object> second = parser.readObject(reader);
        String firstDeepName = nestedName(first);
        assertThat(nestedName(second)).isEqualTo("firstvisit").isSameAs(firstDeepName);
        assertThat(second.keySet().iterator().next())
                .isSameAs(first.keySet().iterator().next());
    }

    @SuppressWarnings("unchecked")
    private static String nestedName(Map<String, Object> row) {
        Map<String, Object> metadata = (Map<String, Object>) row.get("metadata");
        Map<String, Object> auto = (Map<String, Object>) metadata.get("auto");
        return auto.keySet().iterator().next();
    }

    @Test
    void jsonValuesReadsABoundReadersObjectsWithTheParserAndOthersWithMoshi() throws IOException {
        Buffer source = new Buffer().writeUtf8("[{\"name\":1},{\"name\":2},{\"name\":3}]");
        JsonReader reader = JsonReader.of(source);
        SegmentParser parser = new SegmentParser(source);
        reader.beginArray();
        SegmentParser previous = parser.bind(reader);
        Map<String, Object> first;
        Map<String, Object> second;
        try {
            assertThat(SegmentParser.boundTo(reader)).isSameAs(parser);
            assertThat(SegmentParser.boundTo(JsonReader.of(new Buffer()))).isNull();
            first = JsonValues.readObject(reader);
            second = JsonValues.readObject(reader);
        } finally {
            parser.unbind(previous);
        }
        assertThat(SegmentParser.boundTo(reader)).isNull();
        Map<String, Object> third = JsonValues.readObject(reader);
        // Names shared by the parser; Moshi's reader makes a new string for each.
        assertThat(second.keySet().iterator().next())
                .isSameAs(first.keySet().iterator().next());
        assertThat(third.keySet().iterator().next())
                .isNotSameAs(first.keySet().iterator().next());
        assertThat(List.of(first, second, third))
                .containsExactly(Map.of("name", 1L), Map.of("name", 2L), Map.of("name", 3L));
    }

    @Test
    void readsIntoTheMapItIsGiven() throws IOException {
        Buffer source = new Buffer().writeUtf8("{\"b\":1,\"a\":2}");
        Map<String, Object> into = new LinkedHashMap<>();
        Map<String, Object> read = new SegmentParser(source).readObject(JsonReader.of(source), into);
        assertThat(read).isSameAs(into);
        assertThat(into.keySet()).containsExactly("b", "a");
    }

    @Test
    void aValueThatIsNotAnObjectIsADataError() {
        Buffer source = new Buffer().writeUtf8("[1]");
        assertThatThrownBy(() -> new SegmentParser(source).readObject(JsonReader.of(source)))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("Expected a JSON object but was BEGIN_ARRAY");
    }
}
