package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.testing.Dataset;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The aggregation answer's fast JSON writing ({@link ResultsBody}, {@link RowJsonWriter}) gives the bytes Moshi's
 * writer gives for the same rows (the way the fake wrote its answers before), for generated values of every JSON type
 * and every kind of character, for the fake's own rows, and for rows Moshi refuses (the same exception, the same
 * bytes before it).
 */
class ResultsBodyTest {

    private static final long START_TIME = Engines.START_TIME;

    private static String moshi(List<Map<String, Object>> rows) {
        return Engines.moshiBody(rows);
    }

    private static String fast(List<Map<String, Object>> rows) {
        return Engines.fastBody(rows);
    }

    @Test
    void generatedValuesOfEveryTypeAndCharacterAreWrittenAsMoshiWritesThem() {
        Random random = new Random(18);
        for (int round = 0; round < 300; round++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int count = random.nextInt(20);
            for (int i = 0; i < count; i++) {
                rows.add(map(random, 0));
            }
            String expected = moshi(rows);

            assertThat(fast(rows)).as("round %d", round).isEqualTo(expected);
            assertThat(expected).doesNotContain("\nfailed: ");
        }
    }

    @Test
    void everyCharacterIsEscapedAndEncodedAsMoshiAndOkioDoIt() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        all.append(Character.MAX_VALUE);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(all.toString(), all.toString());
        // Lone surrogates at the end of a string, before an escape, and a pair split by an escape.
        row.put("tail", "a\uD83D");
        row.put("before escape", "\uD83D\"\uDE00");
        row.put("low first", "\uDE00\uD83D");
        row.put("pair", "\uD83D\uDE00 \u2028\u2029 \u007f \u0080 \u07ff \u0800 \uffff");

        assertThat(fast(List.of(row))).isEqualTo(moshi(List.of(row)));
    }

    @Test
    void theFakesOwnRowsAreWrittenAsMoshiWritesThem() {
        Dataset dataset = Dataset.generator(7)
                .visitors(300)
                .days(3)
                .endingAt(Instant.parse("2026-11-01T00:00:00Z"))
                .build();
        AggregationEngine engine = Engines.over(dataset, () -> START_TIME, true);
        for (String source : List.of(
                "{\"visitors\":null}",
                "{\"accounts\":null}",
                "{\"features\":null}",
                "{\"pages\":null}",
                "{\"trackTypes\":null}",
                "{\"guides\":null}")) {
            assertSameBytes(engine, "[{\"source\":" + source + "}]");
        }
        for (String source : List.of("events", "pageEvents", "featureEvents", "trackEvents", "guideEvents")) {
            assertSameBytes(
                    engine,
                    "[{\"source\":{\"" + source + "\":{\"appId\":\"expandAppIds(\\\"*\\\")\"},"
                            + "\"timeSeries\":{\"period\":\"dayRange\",\"first\":" + (START_TIME - 5 * 86_400_000L)
                            + ",\"count\":6}}}]");
        }
    }

    private static void assertSameBytes(AggregationEngine engine, String pipeline) {
        List<Map<String, Object>> rows = engine.run(JsonValues.parse("{\"request\":{\"pipeline\":" + pipeline + "}}"))
                .collect(Collectors.toList());

        assertThat(rows).as(pipeline).isNotEmpty();
        assertThat(fast(rows)).as(pipeline).isEqualTo(moshi(rows));
    }

    @Test
    void anAnswerNearTheBufferLimitIsBufferedOrStreamedAsWithOneRowPerPart() throws IOException {
        int buffered = 0;
        for (int padding = 990; padding < 1_040; padding += 2) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 1_024; i++) {
                rows.add(Map.of("i", (long) i, "pad", "x".repeat(padding)));
            }
            Answer reference = HttpResponses.buffer(new Answer(200, "application/json", null, sink -> {
                // The fake's answer before ResultsBody: Moshi, one row per part.
                JsonWriter writer = JsonWriter.of(sink);
                writer.setSerializeNulls(true);
                writer.beginObject()
                        .name("startTime")
                        .value(START_TIME)
                        .name("results")
                        .beginArray();
                java.util.Iterator<Map<String, Object>> it = rows.iterator();
                return () -> {
                    if (it.hasNext()) {
                        JsonValues.write(writer, it.next(), PendoJson.moshi());
                        return true;
                    }
                    writer.endArray().endObject();
                    writer.flush();
                    return false;
                };
            }));
            Answer answer = HttpResponses.buffer(
                    new Answer(200, "application/json", null, new ResultsBody(START_TIME, rows.stream())));

            assertThat(answer.body() != null)
                    .as("buffered, padding %d", padding)
                    .isEqualTo(reference.body() != null);
            assertThat(drain(answer)).as("padding %d", padding).isEqualTo(drain(reference));
            buffered += reference.body() != null ? 1 : 0;
        }
        assertThat(buffered).as("answers on either side of the limit").isBetween(1, 24);
    }

    private static String drain(Answer answer) throws IOException {
        if (answer.body() != null) {
            return new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Buffer all = new Buffer();
        Answer.Parts parts = answer.streaming().open(all);
        while (parts.writeNext()) {
            // all of it
        }
        return all.readUtf8();
    }

    @Test
    void aNonFiniteNumberFailsAsMoshiFailsOnIt() {
        List<Map<String, Object>> rows = List.of(Map.of("a", 1L), new LinkedHashMap<>(Map.of("b", Double.NaN)));
        String expected = moshi(rows);

        assertThat(expected)
                .contains("failed: java.lang.IllegalArgumentException")
                .contains("NaN");
        assertThat(fast(rows)).isEqualTo(expected);
        List<Map<String, Object>> infinite = List.of(new LinkedHashMap<>(Map.of("b", Float.NEGATIVE_INFINITY)));
        assertThat(fast(infinite)).isEqualTo(moshi(infinite));
    }

    @Test
    void aRowThatContainsItselfFailsAsMoshiFailsOnIt() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("self", cyclic);
        List<Map<String, Object>> rows = List.of(Map.of("a", "first"), Map.of("b", "second"), cyclic);
        String expected = moshi(rows);

        assertThat(expected).contains("Nesting too deep at $.results[2]");
        assertThat(fast(rows)).isEqualTo(expected);
    }

    @Test
    void deepNestingIsWrittenOrRefusedAsMoshiDoes() {
        for (int depth : new int[] {RowJsonWriter.MAX_DEPTH - 1, RowJsonWriter.MAX_DEPTH, 252, 253, 254, 300}) {
            Object value = "leaf";
            for (int i = 0; i < depth; i++) {
                value = i % 2 == 0 ? List.of(value) : Map.of("k", value);
            }
            List<Map<String, Object>> rows = List.of(Map.of("x", 1L), Map.of("deep", value));

            assertThat(fast(rows)).as("depth %d", depth).isEqualTo(moshi(rows));
        }
    }

    @Test
    void valuesOfOtherTypesGoThroughMoshisAdapters() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("when", Instant.parse("2026-11-01T00:00:00Z"));
        row.put("big", new BigDecimal("12345678901234567890.125"));
        row.put("huge", new BigInteger("123456789012345678901234567890"));
        row.put("atomic", new AtomicInteger(7));
        List<Map<String, Object>> rows = List.of(Map.of("a", 1L), row);

        assertThat(fast(rows)).isEqualTo(moshi(rows));
    }

    private static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> map = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
        int size = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < size; i++) {
            map.put(random.nextInt(10) == 0 ? null : text(random), value(random, depth + 1));
        }
        return map;
    }

    private static Object value(Random random, int depth) {
        switch (random.nextInt(depth > 4 ? 10 : 12)) {
            case 0:
                return null;
            case 1:
                return text(random);
            case 2:
                return random.nextBoolean();
            case 3:
                return switch (random.nextInt(4)) {
                    case 0 -> Long.MIN_VALUE;
                    case 1 -> Long.MAX_VALUE;
                    case 2 -> (long) random.nextInt(1000) - 500;
                    default -> random.nextLong() >> random.nextInt(64);
                };
            case 4:
                return random.nextInt();
            case 5:
                return switch (random.nextInt(6)) {
                    case 0 -> -0.0;
                    case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                    case 2 -> (double) random.nextInt(100);
                    case 3 -> Double.MIN_VALUE;
                    case 4 -> Double.MAX_VALUE;
                    default -> -random.nextDouble();
                };
            case 6:
                return random.nextFloat();
            case 7:
                return random.nextBoolean() ? (short) random.nextInt(Short.MAX_VALUE) : (byte) random.nextInt(100);
            case 8:
                return new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(30) - 10);
            case 9:
                return text(random);
            case 10:
                return map(random, depth);
            default: {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    list.add(value(random, depth + 1));
                }
                return random.nextBoolean() ? list : Arrays.asList(list.toArray());
            }
        }
    }

    /** Text from every range that JSON escaping and UTF-8 encoding treat differently. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(9)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append("\"\\/\u2028\u2029\u007f".charAt(random.nextInt(6)));
                case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 3 -> text.append((char) (0x800 + random.nextInt(0xd000)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 5 -> text.append((char) (0xd800 + random.nextInt(0x800)));
                case 6 -> text.append((char) (0xe000 + random.nextInt(0x2000)));
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }
}
