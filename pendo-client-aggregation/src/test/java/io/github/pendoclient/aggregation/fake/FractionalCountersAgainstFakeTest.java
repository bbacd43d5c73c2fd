package io.github.pendoclient.aggregation.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.TimeSeries;
import io.github.pendoclient.aggregation.rows.GuideEventRow;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.FakePendoExtension;
import io.github.pendoclient.testing.HourlyEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The typed rows over the fake's counters, which are fractions on a minority of rows as in real subscriptions (API
 * reference §7.10): no row is lost, a whole counter is typed, a fraction is null in the {@code Long} accessor and kept
 * as sent in {@code unknownFields()}.
 */
class FractionalCountersAgainstFakeTest {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Dataset DATASET =
            Dataset.generator(7).visitors(2_000).days(3).endingAt(END).build();

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(FakePendo.builder()
            .dataset(DATASET)
            .clock(Clock.fixed(END.plus(Duration.ofHours(3)), ZoneOffset.UTC))
            .build());

    private final AggregationClient aggregations =
            AggregationClient.create(EXTENSION.fake().client());

    private List<PageEventRow> hourlyPageRows() {
        return aggregations.stream(
                        Queries.pageEvents(AppIds.all())
                                .withTimeSeries(TimeSeries.hours()
                                        .first(END.minus(Duration.ofDays(3)))
                                        .count(72)),
                        PageEventRow.class)
                .toList();
    }

    @Test
    void everyHourlyRowIsReadAndAFractionalCounterIsKeptInUnknownFields() {
        List<HourlyEvents> stored = DATASET.hourRows().stream()
                .filter(r -> r.kind() == HourlyEvents.Kind.PAGE)
                .toList();

        List<PageEventRow> rows = hourlyPageRows();

        assertThat(rows).hasSize(stored.size());
        List<PageEventRow> fractional =
                rows.stream().filter(row -> row.numEvents() == null).toList();
        assertThat(fractional)
                .isNotEmpty()
                .allSatisfy(
                        row -> assertThat(row.unknownFields().get("numEvents")).isInstanceOf(Double.class));
        assertThat(rows.stream().filter(row -> row.numMinutes() == null))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.unknownFields()).containsKey("numMinutes"));
        double sent = rows.stream()
                .mapToDouble(row -> row.numEvents() != null
                        ? row.numEvents()
                        : (Double) row.unknownFields().get("numEvents"))
                .sum();
        assertThat(sent)
                .isEqualTo(stored.stream().mapToDouble(HourlyEvents::numEvents).sum());
    }

    @Test
    void guideRowsWithAFractionalLoadTimeAreReadWithTheRest() {
        List<GuideEventRow> rows = aggregations.stream(
                        Queries.guideEvents(AppIds.all())
                                .withTimeSeries(TimeSeries.days()
                                        .first(END.minus(Duration.ofDays(3)))
                                        .count(3)),
                        GuideEventRow.class)
                .toList();

        assertThat(rows).hasSize(DATASET.rows("guideEvents").size());
        assertThat(rows)
                .anyMatch(row -> row.loadTime() == null && row.unknownFields().get("loadTime") instanceof Double)
                .anyMatch(row -> row.loadTime() != null);
    }
}
