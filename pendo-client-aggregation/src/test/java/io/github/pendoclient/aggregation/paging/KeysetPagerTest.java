package io.github.pendoclient.aggregation.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Expr;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.model.Visitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class KeysetPagerTest {

    private static final Keyset BY_ID = Keyset.of("visitorId");
    private static final Keyset BY_TIME_THEN_ID = Keyset.of("metadata.auto.lastupdated", "visitorId");

    static Map<String, Object> visitor(String id, long lastUpdated) {
        Map<String, Object> auto = new LinkedHashMap<>();
        auto.put("lastupdated", lastUpdated);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", id);
        row.put("metadata", Map.of("auto", auto));
        return row;
    }

    static List<Map<String, Object>> visitors(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> visitor(String.format("v-%04d", i), 1000 + i / 10))
                .collect(Collectors.toList());
    }

    private static List<String> ids(Stream<?> rows) {
        try (rows) {
            return rows.map(row ->
                            row instanceof Visitor v ? v.visitorId() : (String) ((Map<?, ?>) row).get("visitorId"))
                    .toList();
        }
    }

    private static List<String> idsOf(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> (String) row.get("visitorId"))
                .sorted(KeysetPagerTest::codePoints)
                .toList();
    }

    private static int codePoints(String a, String b) {
        return io.github.pendoclient.testing.internal.Expression.compare(a, b);
    }

    @Test
    void pagesAllRowsOnceInKeyOrderEndingOnAShortPage() {
        List<Map<String, Object>> rows = visitors(23);
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Visitor> pager = KeysetPaging.of(BY_ID)
                    .withPageSize(5)
                    .pager(fake.aggregations, Queries.allVisitors(), Visitor.class);

            assertThat(ids(pager.stream())).isEqualTo(idsOf(rows));
            // 5 new rows on the first page, then 4 per page: each later page starts with the overlap row
            assertThat(pager.progress()).isEqualTo(new PagingProgress(6, 23, 0, 0));
            assertThat(pager.isExhausted()).isTrue();
            assertThat(pager.checkpoint()).contains(new KeysetCheckpoint(List.of("v-0022")));
            assertThat(fake.requests()).isEqualTo(6);
        }
    }

    @Test
    void aResultOfExactlyWholePagesCostsOneEmptyRequestAndNothingMore() {
        List<Map<String, Object>> rows = visitors(20);
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Map<String, Object>> pager =
                    KeysetPaging.of(BY_ID).withPageSize(5).pager(fake.aggregations, Queries.allVisitors());

            assertThat(ids(pager.stream())).isEqualTo(idsOf(rows));
            assertThat(fake.requests()).isEqualTo(5);
        }
    }

    @Test
    void anEmptyResultIsOneRequestAndNoCheckpoint() {
        try (EngineServerForPaging fake = new EngineServerForPaging(List.of())) {
            KeysetPager<Map<String, Object>> pager =
                    KeysetPaging.of(BY_ID).pager(fake.aggregations, Queries.allVisitors());

            assertThat(pager.stream()).isEmpty();
            assertThat(pager.checkpoint()).isEmpty();
            assertThat(fake.requests()).isEqualTo(1);
        }
    }

    @Test
    void idsWithQuotesBackslashesAndUnicodeArePagedPastExactlyOnce() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : List.of(
                "a\"b",
                "a\\",
                "a\\\"",
                "x\" || visitorId != \"",
                "`tick`",
                "new\nline",
                "東京",
                "😀",
                "Zoë",
                "\"",
                "plain",
                "plain2",
                "\\\\")) {
            rows.add(visitor(id, 1));
        }
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Map<String, Object>> pager =
                    KeysetPaging.of(BY_ID).withPageSize(3).pager(fake.aggregations, Queries.allVisitors());

            assertThat(ids(pager.stream())).isEqualTo(idsOf(rows));
            assertThat(fake.requests()).isEqualTo(7);
        }
    }

    @Test
    void aCompoundCursorNeitherRepeatsNorDropsRowsThatShareATimestampAcrossPages() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // three timestamps only: pages of 7 end inside runs of equal timestamps again and again
            rows.add(visitor("v-" + (char) ('a' + i % 26) + i, 1_700_000_000_000L + (i % 3)));
        }
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Visitor> pager = KeysetPaging.of(BY_TIME_THEN_ID)
                    .withPageSize(7)
                    .pager(fake.aggregations, Queries.allVisitors(), Visitor.class);

            List<Visitor> paged = pager.stream().toList();

            assertThat(paged)
                    .extracting(Visitor::visitorId)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(idsOf(rows));
            assertThat(paged).extracting(Visitor::lastUpdated).isSorted();
            assertThat(fake.requests()).isEqualTo(9);
        }
    }

    @Test
    void resumingFromAStoredCheckpointYieldsExactlyTheRest() {
        List<Map<String, Object>> rows = visitors(37);
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Map<String, Object>> first =
                    KeysetPaging.of(BY_TIME_THEN_ID).withPageSize(5).pager(fake.aggregations, Queries.allVisitors());
            List<String> before;
            try (Stream<Map<String, Object>> stream = first.stream()) {
                before = stream.limit(12)
                        .map(row -> (String) row.get("visitorId"))
                        .toList();
            }
            String stored = first.checkpoint().orElseThrow().toJson();
            assertThat(stored).isEqualTo("[1001,\"v-0011\"]");

            KeysetPager<Map<String, Object>> second = KeysetPaging.of(BY_TIME_THEN_ID)
                    .withPageSize(5)
                    .withResumeAfter(KeysetCheckpoint.parse(stored))
                    .pager(fake.aggregations, Queries.allVisitors());
            List<String> after = ids(second.stream());

            List<String> all = new ArrayList<>(before);
            all.addAll(after);
            assertThat(all).isEqualTo(idsOf(rows));
        }
    }

    @Test
    void eachPageIsTheQueryThenCursorFilterSortAndLimit() {
        Aggregation base = Aggregation.builder()
                .source(io.github.pendoclient.aggregation.Source.visitors())
                .filter(Expr.field("metadata.agent.role").eq("admin"))
                .build();
        KeysetPager<Map<String, Object>> pager = KeysetPaging.of(BY_TIME_THEN_ID)
                .withPageSize(100)
                .withResumeAfter(new KeysetCheckpoint(List.of(1700000000000L, "v\"9")))
                .pager(
                        AggregationClient.create(PendoClient.builder()
                                .integrationKey("fake-key")
                                .baseUrl("http://127.0.0.1:9/")
                                .build()),
                        base);

        assertThat(pager.nextPageQuery().toJson())
                .contains("\"pipeline\":[{\"source\":{\"visitors\":null}},"
                        + "{\"filter\":\"metadata.agent.role == \\\"admin\\\"\"},"
                        + "{\"filter\":\"metadata.auto.lastupdated > 1700000000000 || metadata.auto.lastupdated =="
                        + " 1700000000000 && visitorId >= \\\"v\\\\\\\"9\\\"\"},"
                        + "{\"sort\":[\"metadata.auto.lastupdated\",\"visitorId\"]},{\"limit\":100}]");
    }

    @Test
    void aKeyThatIsNotUniqueStopsPagingInsteadOfLosingRows() {
        List<Map<String, Object>> rows = List.of(visitor("a", 1), visitor("b", 2), visitor("b", 3), visitor("c", 4));
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Map<String, Object>> pager =
                    KeysetPaging.of(BY_ID).withPageSize(2).pager(fake.aggregations, Queries.allVisitors());

            assertThatThrownBy(() -> pager.stream().toList())
                    .isInstanceOf(PagingException.class)
                    .hasMessageContaining("share the key [b]")
                    .hasMessageContaining("tiebreaker");
            assertThat(pager.checkpoint()).contains(new KeysetCheckpoint(List.of("b")));
        }
    }

    @Test
    void aRowWithoutAKeyStopsPaging() {
        Map<String, Object> keyless = new LinkedHashMap<>();
        keyless.put("visitorId", null);
        List<Map<String, Object>> rows = List.of(visitor("a", 1), keyless);
        try (EngineServerForPaging fake = new EngineServerForPaging(rows)) {
            KeysetPager<Map<String, Object>> pager =
                    KeysetPaging.of(BY_ID).withPageSize(5).pager(fake.aggregations, Queries.allVisitors());

            assertThatThrownBy(() -> pager.stream().toList())
                    .isInstanceOf(PagingException.class)
                    .hasMessageContaining("no value for keyset field 'visitorId'");
        }
    }

    @Test
    void aServerThatIgnoresTheCursorCannotMakeThePagerLoop() throws Exception {
        String page = "{\"results\": [{\"visitorId\": \"a\"}, {\"visitorId\": \"b\"}]}";
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 5; i++) {
                server.enqueue(new MockResponse.Builder().code(200).body(page).build());
            }
            server.start();
            try (PendoClient client = PendoClient.builder()
                    .integrationKey("fake-key")
                    .baseUrl(server.url("/").toString())
                    .rateLimit(RateLimitOptions.disabled())
                    .build()) {
                AggregationClient aggregations = AggregationClient.create(client);

                KeysetPager<Map<String, Object>> strict =
                        KeysetPaging.of(BY_ID).withPageSize(2).pager(aggregations, Queries.allVisitors());
                assertThatThrownBy(() -> strict.stream().toList())
                        .isInstanceOf(PagingException.class)
                        .hasMessageContaining("out of key order");

                KeysetPager<Map<String, Object>> lenient = KeysetPaging.of(BY_ID)
                        .withPageSize(2)
                        .withVerifyOrder(false)
                        .pager(aggregations, Queries.allVisitors());
                assertThatThrownBy(() -> lenient.stream().toList())
                        .isInstanceOf(PagingException.class)
                        .hasMessageContaining("loop forever");
            }
        }
    }

    @Test
    void refusesQueriesThatSortLimitOrSkipAndCheckpointsThatDoNotFit() {
        AggregationClient aggregations = AggregationClient.create(PendoClient.builder()
                .integrationKey("fake-key")
                .baseUrl("http://127.0.0.1:9/")
                .build());
        Aggregation sorted = Queries.allVisitors().toBuilder().sort("visitorId").build();

        assertThatThrownBy(() -> KeysetPaging.of(BY_ID).pager(aggregations, sorted))
                .hasMessageContaining("must not sort");
        assertThatThrownBy(() -> KeysetPaging.of(BY_ID).withResumeAfter(new KeysetCheckpoint(List.of(1L, "a"))))
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> KeysetCheckpoint.parse("{\"a\": 1}")).hasMessageContaining("non-empty JSON array");
        assertThatThrownBy(() -> KeysetPaging.of(BY_ID).withPageSize(1)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Keyset.of("a b")).hasMessageContaining("Not a field path");
    }

    /** An engine-backed loopback Pendo over one visitors source. */
    static final class EngineServerForPaging implements AutoCloseable {
        final io.github.pendoclient.aggregation.EngineServerAccess access;
        final AggregationClient aggregations;

        EngineServerForPaging(List<Map<String, Object>> rows) {
            access = io.github.pendoclient.aggregation.EngineServerAccess.of("visitors", rows);
            aggregations = access.aggregations();
        }

        int requests() {
            return access.requests();
        }

        @Override
        public void close() {
            access.close();
        }
    }
}
