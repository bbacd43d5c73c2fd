package io.github.pendoclient.aggregation.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.Expr;
import io.github.pendoclient.aggregation.Group;
import io.github.pendoclient.aggregation.IncompleteResultException;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.Reduce;
import io.github.pendoclient.aggregation.Source;
import io.github.pendoclient.aggregation.Stage;
import io.github.pendoclient.aggregation.TimeSeries;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.FakePendoExtension;
import io.github.pendoclient.testing.Fault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operator the fake implements, through the SDK, with answers worked out by hand for a small dataset. */
class FakePendoAggregationTest {

    static final Instant DAY1 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-11-02T00:00:00Z");
    static final Instant H9 = DAY1.plusSeconds(9 * 3600);
    static final Instant H10 = DAY1.plusSeconds(10 * 3600);

    static final Dataset HAND_MADE = Dataset.builder()
            .visitor("ada", meta("admin", 50, 1000))
            .visitor("bob", meta("member", 5, 1000))
            .visitor("cy\"q", meta("admin", 20, 2000))
            .visitor("dee", meta("viewer", 0, 3000))
            .visitor("_PENDO_T_anon1", Map.of("auto", Map.of("lastupdated", 4000L)))
            .pageEvents("ada", "acme", 1, H9, "home", 3)
            .pageEvents("ada", "acme", 1, H10, "home", 2)
            .pageEvents("bob", "acme", 1, H9, "billing", 4)
            .pageEvents("cy\"q", "beta", 2, DAY2.plusSeconds(3600), "home", 7)
            .build();

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(FakePendo.builder()
            .dataset(HAND_MADE)
            .clock(Clock.fixed(Instant.parse("2026-11-03T12:00:00Z"), ZoneOffset.UTC))
            .build());

    static final FakePendo PENDO = EXTENSION.fake();

    private final AggregationClient aggregations = AggregationClient.create(PENDO.client());

    static Map<String, Map<String, Object>> meta(String role, long seats, long lastUpdated) {
        return Map.of(
                "agent",
                Map.of("role", role),
                "custom",
                Map.of("seats", seats),
                "auto",
                Map.of("lastupdated", lastUpdated));
    }

    private List<Map<String, Object>> run(Aggregation query) {
        try (Stream<Map<String, Object>> rows = aggregations.stream(query)) {
            return rows.toList();
        }
    }

    private static Aggregation.Builder visitors() {
        return Aggregation.builder().source(Source.visitors());
    }

    private static Aggregation.Builder pageEvents(TimeSeries series) {
        return Aggregation.builder().source(Source.pageEvents().appIds(AppIds.all()), series);
    }

    @Test
    void filterWithComparisonsLogicAndFunctions() {
        assertThat(run(visitors()
                        .filter(Expr.field("metadata.custom.seats").gt(10))
                        .build()))
                .extracting(r -> r.get("visitorId"))
                .containsExactly("ada", "cy\"q");
        assertThat(run(visitors()
                        .filter(Expr.field("metadata.agent.role")
                                .eq("admin")
                                .and(Expr.field("metadata.custom.seats").lt(30))
                                .or(Expr.field("visitorId").eq("dee")))
                        .build()))
                .extracting(r -> r.get("visitorId"))
                .containsExactly("cy\"q", "dee");
        assertThat(run(visitors().filter(Expr.isNull("metadata.agent.role")).build()))
                .extracting(r -> r.get("visitorId"))
                .containsExactly("_PENDO_T_anon1");
        assertThat(run(visitors()
                        .filter(Expr.startsWith("visitorId", "_PENDO_T_").not().and(Expr.contains("visitorId", "\"")))
                        .build()))
                .extracting(r -> r.get("visitorId"))
                .containsExactly("cy\"q");
        assertThat(run(visitors()
                        .filter(Expr.field("visitorId").eq("cy\" || true || \""))
                        .build()))
                .isEmpty();
    }

    @Test
    void selectEvalIdentifiedSortLimitSkipCount() {
        assertThat(run(visitors()
                        .identified("visitorId")
                        .select("visitorId")
                        .sort("-visitorId")
                        .skip(1)
                        .limit(2)
                        .build()))
                .containsExactly(Map.of("visitorId", "cy\"q"), Map.of("visitorId", "bob"));
        assertThat(run(visitors().anonymousOnly("visitorId").count().build())).containsExactly(Map.of("count", 1L));
        assertThat(run(visitors()
                                .filter(Expr.field("visitorId").eq("ada"))
                                .eval(
                                        "doubled",
                                        Expr.field("metadata.custom.seats")
                                                .times(2)
                                                .plus(1))
                                .build())
                        .get(0))
                .containsEntry("doubled", 101L);
        assertThat(aggregations.count(visitors().build())).isEqualTo(5);
    }

    @Test
    void groupAndReduceWithEveryAggregatorTheFakeImplements() {
        TimeSeries twoDays = TimeSeries.days().first(DAY1).count(2);
        assertThat(run(pageEvents(twoDays)
                        .group(Group.by("pageId")
                                .sum("events", "numEvents")
                                .countDistinct("visitors", "visitorId")
                                .count("rows"))
                        .sort("pageId")
                        .build()))
                .containsExactly(
                        Map.of("pageId", "billing", "events", 4L, "visitors", 1L, "rows", 1L),
                        Map.of("pageId", "home", "events", 12L, "visitors", 2L, "rows", 2L));

        Map<String, Object> totals = run(visitors()
                        .identified("visitorId")
                        .reduce(Reduce.of()
                                .sum("seats", "metadata.custom.seats")
                                .min("least", "metadata.custom.seats")
                                .max("most", "metadata.custom.seats")
                                .avg("mean", "metadata.custom.seats")
                                .count("n"))
                        .build())
                .get(0);
        assertThat(totals)
                .containsEntry("seats", 75L)
                .containsEntry("least", 0L)
                .containsEntry("most", 50L)
                .containsEntry("mean", 18.75)
                .containsEntry("n", 4L);
    }

    @Test
    void unwindSpreadsAList() {
        Dataset listy = Dataset.builder()
                .row("custom", Map.of("id", "x", "tags", List.of("a", "b", "c")))
                .build();
        try (FakePendo fake = FakePendo.builder().dataset(listy).build().start()) {
            List<Map<String, Object>> rows = AggregationClient.create(fake.client()).stream(Aggregation.builder()
                            .source(Source.named("custom"))
                            .unwind("tags", "i")
                            .build())
                    .toList();
            assertThat(rows).extracting(r -> r.get("tags")).containsExactly("a", "b", "c");
            assertThat(rows).extracting(r -> r.get("i")).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void dayRangeAddsHoursUpAndHourRangeKeepsThem() {
        List<PageEventRow> daily = aggregations.stream(
                        pageEvents(TimeSeries.days().first(DAY1).count(1))
                                .filter(Expr.field("visitorId").eq("ada"))
                                .build(),
                        PageEventRow.class)
                .toList();
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).day()).isEqualTo(DAY1);
        assertThat(daily.get(0).numEvents()).isEqualTo(5L);

        List<PageEventRow> hourly = aggregations.stream(
                        pageEvents(TimeSeries.hours().first(H9).count(2)).build(), PageEventRow.class)
                .toList();
        assertThat(hourly).extracting(PageEventRow::hour).containsExactlyInAnyOrder(H9, H10, H9);

        // now() is 2026-11-03T12:00Z on the fake's clock: count -2 from now() is 1 and 2 November
        assertThat(run(pageEvents(TimeSeries.days().first(Expr.now()).count(-2))
                        .count()
                        .build()))
                .containsExactly(Map.of("count", 3L));
        assertThat(run(pageEvents(TimeSeries.days().first(DAY2).last(DAY2)).build()))
                .extracting(r -> r.get("visitorId"))
                .containsExactly("cy\"q");
        assertThat(run(pageEvents(
                                TimeSeries.days().first(Expr.date(2026, 11, 1)).count(1))
                        .count()
                        .build()))
                .containsExactly(Map.of("count", 2L));
    }

    @Test
    void whatTheFakeDoesNotImplementFailsLoudly() {
        assertThatThrownBy(() -> run(visitors().segment("seg-1").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'segment'");
        assertThatThrownBy(() -> run(visitors()
                        .stage(Stage.parse("{\"sessionReplays\": {}}"))
                        .build()))
                .hasMessageContaining("sessionReplays");
        assertThatThrownBy(() -> run(Aggregation.builder()
                        .source(
                                Source.named("emailEvents"),
                                TimeSeries.days().first(DAY1).count(1))
                        .build()))
                .hasMessageContaining("emailEvents");
        assertThatThrownBy(() -> run(Aggregation.builder()
                        .source(
                                Source.pageEvents(),
                                TimeSeries.days().first(DAY1).count(1))
                        .stage(Stage.of("filter", "visitorId =="))
                        .build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void faultsReachTheStreamingReader() {
        PENDO.enqueueFault(
                Endpoint.AGGREGATION, Fault.status(429).retryAfterSeconds(0).times(2));
        assertThat(run(visitors().build())).hasSize(5);

        PENDO.enqueueFault(Endpoint.AGGREGATION, Fault.disconnectMidBody());
        try (Stream<Visitor> rows = aggregations.stream(Queries.allVisitors(), Visitor.class)) {
            assertThatThrownBy(rows::toList).isInstanceOf(IncompleteResultException.class);
        }
    }
}
