package io.github.pendoclient.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * JSON written without Moshi ({@link JsonBytesWriter}, behind {@link JsonValues#toJson} and {@link
 * JsonValues#toJsonUtf8}) is byte for byte what Moshi's writer writes, and what it refuses goes through Moshi.
 */
class JsonBytesWriterTest {

    private static String moshi(Object value) throws IOException {
        Buffer buffer = new Buffer();
        JsonWriter writer = JsonWriter.of(buffer);
        writer.setSerializeNulls(true);
        JsonValues.write(writer, value, PendoJson.moshi());
        writer.flush();
        return buffer.readUtf8();
    }

    private static String fast(Object value) {
        JsonBytesWriter writer = new JsonBytesWriter();
        assertThat(writer.append(value)).as("written without Moshi").isTrue();
        return new String(writer.toByteArray(), UTF_8);
    }

    @Test
    void textsAreEscapedAndEncodedAsMoshiAndOkioDo() throws IOException {
        List<Object> texts = List.of(
                "plain",
                "quote \" backslash \\ slash /",
                "tab\tnew\nline\r\b\f\u0000\u001f\u007f",
                "é ß 名前 😀",
                "\u2028 and \u2029",
                "lone \ud800 high",
                "lone \udc00 low",
                "x".repeat(30),
                "long ü ".repeat(300),
                "");
        for (Object text : texts) {
            assertThat(fast(text)).isEqualTo(moshi(text));
            assertThat(JsonValues.toJson(text)).isEqualTo(moshi(text));
        }
    }

    @Test
    void numbersBooleansAndNullsAreWrittenAsMoshiWritesThem() throws IOException {
        List<Object> values = Arrays.asList(
                0L,
                -1L,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                7,
                (short) 3,
                (byte) -2,
                0.1,
                -0.0,
                1e10,
                1.5e-7,
                Double.MAX_VALUE,
                2.5f,
                new BigDecimal("12345678901234567890.5"),
                true,
                false,
                null);
        for (Object value : values) {
            assertThat(fast(value)).isEqualTo(moshi(value));
        }
    }

    @Test
    void randomNestedRowsAreTheSameBytes() throws IOException {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Object row = randomValue(random, 0);
            assertThat(fast(row)).isEqualTo(moshi(row));
            assertThat(JsonValues.toJsonUtf8(row)).isEqualTo(moshi(row).getBytes(UTF_8));
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return random.nextLong();
            case 2:
                return random.nextDouble() * 1e6;
            case 3:
                return random.nextBoolean();
            case 4:
                return "t-" + random.nextInt(1000) + (random.nextBoolean() ? " ü\"\\\n😀" : "");
            case 5:
                return (long) random.nextInt(10);
            case 6: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int k = random.nextInt(5); k > 0; k--) {
                    String key = "k" + random.nextInt(20) + (random.nextBoolean() ? "\t\"" : "");
                    map.put(key, randomValue(random, depth + 1));
                }
                return map;
            }
            default: {
                List<Object> list = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
        }
    }

    @Test
    void whatItRefusesIsWrittenThroughMoshiOrFailsAsMoshiFails() throws IOException {
        Object deep = "bottom";
        for (int i = 0; i < JsonBytesWriter.MAX_DEPTH + 5; i++) {
            deep = List.of(deep);
        }
        JsonBytesWriter writer = new JsonBytesWriter();
        writer.appendRaw("[");

        assertThat(writer.append(deep)).isFalse();
        assertThat(writer.size()).as("nothing of a refused value is kept").isEqualTo(1);
        assertThat(JsonValues.toJson(deep)).isEqualTo(moshi(deep));
        assertThat(new JsonBytesWriter().append(Double.NaN)).isFalse();
        assertThatThrownBy(() -> JsonValues.toJson(Map.of("n", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    @Test
    void aKeyWhoseTextIsItselfWrittenAsJsonGetsAWriterOfItsOwn() {
        Object key = new Object() {
            @Override
            public String toString() {
                return JsonValues.toJson(Map.of("inner", 1L));
            }
        };
        Map<Object, Object> outer = new LinkedHashMap<>();
        outer.put(key, List.of(2L));

        assertThat(JsonValues.toJson(outer)).isEqualTo("{\"{\\\"inner\\\":1}\":[2]}");
    }

    @Test
    void aWriterResetAfterALargeValueIsEmptyAndWritesAgain() {
        JsonBytesWriter writer = new JsonBytesWriter();
        writer.append("y".repeat(3_000_000));
        writer.reset();

        assertThat(writer.size()).isZero();
        assertThat(writer.append(List.of(1L))).isTrue();
        assertThat(writer.toByteArray()).isEqualTo("[1]".getBytes(UTF_8));
    }
}
