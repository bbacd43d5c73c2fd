package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A keyset page (cursor filter, sort, limit) costs the fake the rows of the page, whichever page it is: counted in
 * rows the engine pulls from the source, not in time.
 */
class KeysetPageCostTest {

    private static final Dataset DATASET = Dataset.generator(11)
            .visitors(5_000)
            .days(2)
            .endingAt(Instant.parse("2026-11-01T00:00:00Z"))
            .build();
    private static final List<String> KEY = List.of("metadata.auto.lastupdated", "visitorId");
    private static final int PAGE = 100;

    private final FakeApi api = new FakeApi(DATASET, () -> 1_793_491_200_000L);

    private record Page(List<Map<String, Object>> rows, long examined) {}

    @SuppressWarnings("unchecked")
    private Page page(List<Object> cursor) {
        String stages = "{\"source\":{\"visitors\":null}},";
        if (cursor != null) {
            String filter = "metadata.auto.lastupdated > " + cursor.get(0) + " || metadata.auto.lastupdated == "
                    + cursor.get(0) + " && visitorId >= " + literal((String) cursor.get(1));
            stages += "{\"filter\":" + JsonValues.toJson(filter) + "},";
        }
        stages += "{\"sort\":[\"metadata.auto.lastupdated\",\"visitorId\"]},{\"limit\":" + PAGE + "}";
        long before = api.aggregationRowsExamined();
        Answer answer = HttpResponses.buffer(api.handle(
                Endpoint.AGGREGATION,
                "POST",
                "api/v1/aggregation",
                Map.of(),
                "{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"pipeline\":[" + stages + "]}}"));
        assertThat(answer.status())
                .as(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        Map<String, Object> body =
                (Map<String, Object>) JsonValues.parse(new String(answer.body(), StandardCharsets.UTF_8));
        return new Page((List<Map<String, Object>>) body.get("results"), api.aggregationRowsExamined() - before);
    }

    private static String literal(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<Object> keyOf(Map<String, Object> row) {
        return List.of(JsonValues.at(row, KEY.get(0)), JsonValues.at(row, KEY.get(1)));
    }

    @Test
    void aLaterKeysetPageExaminesNoMoreRowsThanTheFirst() {
        Page first = page(null);
        Page page = first;
        List<Long> examined = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            page = page(keyOf(page.rows().get(PAGE - 1)));
            examined.add(page.examined());
        }

        assertThat(first.examined())
                .as("the first page reads its own rows, not the 5,000 visitors")
                .isLessThanOrEqualTo(PAGE);
        assertThat(examined).allSatisfy(cost -> assertThat(cost).isLessThanOrEqualTo(first.examined()));
    }

    @Test
    void pagesFromTheIndexAreExactlyWhatSortingEveryVisitorGives() {
        Comparator<Map<String, Object>> byKey = (a, b) -> {
            int order = Expression.compare(JsonValues.at(a, KEY.get(0)), JsonValues.at(b, KEY.get(0)));
            return order != 0 ? order : Expression.compare(JsonValues.at(a, KEY.get(1)), JsonValues.at(b, KEY.get(1)));
        };
        List<Map<String, Object>> everyone =
                DATASET.visitors().stream().map(PendoRows::json).sorted(byKey).toList();
        List<Object> expected =
                everyone.stream().map(row -> row.get("visitorId")).toList();

        List<Object> paged = new ArrayList<>();
        Page page = page(null);
        page.rows().forEach(row -> paged.add(row.get("visitorId")));
        while (page.rows().size() == PAGE) {
            page = page(keyOf(page.rows().get(PAGE - 1)));
            // Each page starts at the last row of the one before (the pager's overlap of one row).
            page.rows().stream().skip(1).forEach(row -> paged.add(row.get("visitorId")));
        }

        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void aChangedVisitorIsStillPagedCorrectlyWithoutTheIndex() {
        api.handle(
                Endpoint.METADATA_VALUE,
                "PUT",
                "api/v1/metadata/visitor/agent/value/"
                        + DATASET.visitors().get(0).id() + "/name",
                Map.of(),
                "\"Renamed\"");

        Page first = page(null);

        assertThat(first.rows()).hasSize(PAGE);
        assertThat(first.examined())
                .as("without the index every visitor is read")
                .isGreaterThanOrEqualTo(5_000);
    }
}
