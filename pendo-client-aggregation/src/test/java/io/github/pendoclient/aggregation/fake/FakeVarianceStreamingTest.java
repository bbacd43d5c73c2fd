package io.github.pendoclient.aggregation.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.TimeSeries;
import io.github.pendoclient.aggregation.rows.EventRow;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.FakePendoExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed streams over the fake's real-shaped variance lose no row: every row the fake sends is read. */
class FakeVarianceStreamingTest {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(FakePendo.builder()
            .dataset(Dataset.generator(3).visitors(400).days(5).endingAt(END).build())
            .build());

    static final FakePendo PENDO = EXTENSION.fake();

    private final AggregationClient aggregations = AggregationClient.create(PENDO.client());
    private final TimeSeries days =
            TimeSeries.days().first(END.minus(Duration.ofDays(5))).count(5);

    @Test
    void typedEventRowsAreAsManyAsRawRowsDespiteStringParameters() {
        List<Map<String, Object>> raw = aggregations.stream(
                        Queries.events(AppIds.all()).withTimeSeries(days))
                .toList();
        List<EventRow> typed = aggregations.stream(Queries.events(AppIds.all()).withTimeSeries(days), EventRow.class)
                .toList();

        assertThat(raw).anyMatch(row -> row.get("parameters") instanceof String);
        assertThat(typed).hasSameSizeAs(raw).allMatch(row -> row.parameters() != null);
    }

    @Test
    void typedPageRowsAndVisitorsStreamCompletely() {
        long raw = aggregations.stream(Queries.pageEvents(AppIds.all()).withTimeSeries(days))
                .count();
        long typed = aggregations.stream(Queries.pageEvents(AppIds.all()).withTimeSeries(days), PageEventRow.class)
                .count();
        long visitors =
                aggregations.stream(Queries.allVisitors(), Visitor.class).count();

        assertThat(typed).isEqualTo(raw).isPositive();
        assertThat(visitors).isEqualTo(400);
    }
}
