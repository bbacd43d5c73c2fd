package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counters that arrive as fractions (API reference §7.10) are added up by the fake's roll-up and aggregators without
 * losing either kind of number: whole numbers sum exactly to a JSON integer, a sum with a fraction in it is a double.
 */
class FractionalCountersTest {

    /** 2026-10-31T00:00:00Z. */
    private static final long DAY = 1_793_404_800_000L;

    private static final long HOUR = 3_600_000L;

    private static Map<String, Object> hourRow(
            String visitorId, String idField, String objectId, long hour, Number numEvents, Number numMinutes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", visitorId);
        row.put("accountId", "acct-1");
        row.put("appId", Dataset.DEFAULT_APP_ID);
        row.put("hour", hour);
        row.put(idField, objectId);
        row.put("numEvents", numEvents);
        row.put("numMinutes", numMinutes);
        row.put("firstTime", hour + 60_000L);
        row.put("lastTime", hour + 120_000L);
        row.put("remoteIp", "203.0.113.7");
        row.put("userAgent", "Mozilla/5.0");
        row.put("country", "US");
        return row;
    }

    private static Dataset dataset() {
        return Dataset.builder()
                .row("pageEvents", hourRow("v-frac", "pageId", "p1", DAY + 9 * HOUR, 2.5, 1.5))
                .row("pageEvents", hourRow("v-frac", "pageId", "p1", DAY + 10 * HOUR, 3L, 2L))
                .row("pageEvents", hourRow("v-whole", "pageId", "p1", DAY + 9 * HOUR, 4L, 1L))
                .row("pageEvents", hourRow("v-whole", "pageId", "p1", DAY + 10 * HOUR, 1L, 1L))
                .row("featureEvents", hourRow("v-frac", "featureId", "f1", DAY + 9 * HOUR, 1L, 0.5))
                .row("counters", Map.of("key", "a", "n", 9_007_199_254_740_993L))
                .row("counters", Map.of("key", "a", "n", 2L))
                .row("counters", Map.of("key", "b", "n", 1L))
                .row("counters", Map.of("key", "b", "n", 2.5))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run(Dataset dataset, String stages) {
        FakeApi api = new FakeApi(dataset, () -> DAY + 2 * 86_400_000L);
        Answer answer = HttpResponses.buffer(api.handle(
                Endpoint.AGGREGATION,
                "POST",
                "api/v1/aggregation",
                Map.of(),
                "{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"pipeline\":[" + stages + "]}}"));
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.status()).as(text).isEqualTo(200);
        return (List<Map<String, Object>>) ((Map<String, Object>) JsonValues.parse(text)).get("results");
    }

    private static String daily(String source) {
        return "{\"source\":{\"" + source + "\":null,\"timeSeries\":{\"period\":\"dayRange\",\"first\":" + DAY
                + ",\"count\":1}}},{\"sort\":[\"visitorId\"]}";
    }

    private static Map<String, Object> rowOf(List<Map<String, Object>> rows, String visitorId) {
        return rows.stream()
                .filter(row -> visitorId.equals(row.get("visitorId")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSumOfWholeNumbersStaysAnExactJsonIntegerBeyondWhatADoubleHolds() {
        List<Map<String, Object>> rows = run(
                dataset(),
                "{\"source\":{\"counters\":null}},"
                        + "{\"filter\":\"key == \\\"a\\\"\"},{\"reduce\":{\"total\":{\"sum\":\"n\"}}}");

        assertThat(rows)
                .singleElement()
                .satisfies(row ->
                        assertThat(row.get("total")).isInstanceOf(Long.class).isEqualTo(9_007_199_254_740_995L));
    }

    @Test
    void aSumWithAFractionInItIsADouble() {
        List<Map<String, Object>> rows = run(
                dataset(),
                "{\"source\":{\"counters\":null}},"
                        + "{\"group\":{\"group\":[\"key\"],\"fields\":{\"total\":{\"sum\":\"n\"}}}},{\"sort\":[\"key\"]}");

        assertThat(rows.get(1)).containsEntry("key", "b").containsEntry("total", 3.5);
    }

    @Test
    void minAndMaxCompareWholeAndFractionalCounters() {
        List<Map<String, Object>> rows = run(
                dataset(),
                "{\"source\":{\"counters\":null}},"
                        + "{\"filter\":\"key == \\\"b\\\"\"},{\"reduce\":{\"low\":{\"min\":\"n\"},\"high\":{\"max\":\"n\"}}}");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("low")).isEqualTo(1L);
            assertThat(row.get("high")).isEqualTo(2.5);
        });
    }

    @Test
    void aDailyRollUpAddsFractionalHourlyCountersIntoADouble() {
        Map<String, Object> row = rowOf(run(dataset(), daily("pageEvents")), "v-frac");

        assertThat(row.get("numEvents")).isEqualTo(5.5);
        assertThat(row.get("numMinutes")).isEqualTo(3.5);
    }

    @Test
    void aDailyRollUpOfWholeHourlyCountersStaysAJsonInteger() {
        Map<String, Object> row = rowOf(run(dataset(), daily("pageEvents")), "v-whole");

        assertThat(row.get("numEvents")).isInstanceOf(Long.class).isEqualTo(5L);
        assertThat(row.get("numMinutes")).isInstanceOf(Long.class).isEqualTo(2L);
    }

    @Test
    void theEventsSourceMergesFractionalCountersAcrossPagesAndFeatures() {
        Map<String, Object> row = rowOf(run(dataset(), daily("events")), "v-frac");

        assertThat(row.get("numEvents")).isEqualTo(6.5);
        assertThat(((Number) row.get("numMinutes")).doubleValue()).isEqualTo(4.0);
    }

    @Test
    void anHourlyRowServesItsFractionalCountersAsSent() {
        Map<String, Object> row = run(
                        dataset(),
                        "{\"source\":{\"pageEvents\":null,\"timeSeries\":{\"period\":"
                                + "\"hourRange\",\"first\":" + (DAY + 9 * HOUR)
                                + ",\"count\":1}}},{\"filter\":\"visitorId =="
                                + " \\\"v-frac\\\"\"}")
                .get(0);

        assertThat(row.get("numEvents")).isEqualTo(2.5);
        assertThat(row.get("numMinutes")).isEqualTo(1.5);
    }

    @Test
    void aDatasetKeepsFractionalCountersThroughItsJson() {
        Dataset dataset = dataset();

        Dataset again = Dataset.fromJson(dataset.toJson());

        assertThat(again.hourRows()).isEqualTo(dataset.hourRows());
        assertThat(again.hourRows().get(0).toRow())
                .containsEntry("numEvents", 2.5)
                .containsEntry("numMinutes", 1.5);
    }
}
