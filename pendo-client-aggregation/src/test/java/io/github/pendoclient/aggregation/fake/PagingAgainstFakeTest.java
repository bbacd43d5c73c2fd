package io.github.pendoclient.aggregation.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.paging.Keyset;
import io.github.pendoclient.aggregation.paging.KeysetCheckpoint;
import io.github.pendoclient.aggregation.paging.KeysetPager;
import io.github.pendoclient.aggregation.paging.KeysetPaging;
import io.github.pendoclient.aggregation.paging.TimeWindows;
import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.aggregation.paging.WindowedPager;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.FakePendoExtension;
import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.testing.VisitorRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pagers of the aggregation module against the fake's real filter and sort, over a generated dataset. */
class PagingAgainstFakeTest {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Dataset DATASET =
            Dataset.generator(11).visitors(3_000).days(6).endingAt(END).build();

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(FakePendo.builder()
            .dataset(DATASET)
            .clock(Clock.fixed(END.plus(Duration.ofHours(3)), ZoneOffset.UTC))
            .build());

    static final FakePendo PENDO = EXTENSION.fake();

    private final AggregationClient aggregations = AggregationClient.create(PENDO.client());

    private static Set<String> identifiedIds() {
        return DATASET.visitors().stream()
                .map(VisitorRow::id)
                .filter(id -> !id.startsWith("_PENDO_T_"))
                .collect(Collectors.toSet());
    }

    @Test
    void theDatasetHasTheHardCases() {
        Map<Object, Long> perTimestamp = DATASET.visitors().stream()
                .collect(
                        Collectors.groupingBy(v -> v.metadata().get("auto").get("lastupdated"), Collectors.counting()));
        assertThat(perTimestamp.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow())
                .isGreaterThan(5);
        assertThat(identifiedIds()).anyMatch(id -> id.contains("\"")).anyMatch(id -> id.contains("\\"));
    }

    @Test
    void aTimestampThenIdCursorReadsEveryVisitorOnceAcrossRunsOfEqualTimestamps() {
        KeysetPager<Visitor> pager = KeysetPaging.of(Keyset.of("metadata.auto.lastupdated", "visitorId"))
                .withPageSize(97)
                .pager(aggregations, Queries.identifiedVisitors(), Visitor.class);

        List<Visitor> visitors = pager.stream().toList();

        assertThat(visitors)
                .extracting(Visitor::visitorId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(identifiedIds());
        assertThat(visitors).extracting(Visitor::lastUpdated).isSorted();
        assertThat(pager.progress().requests()).isEqualTo(1 + (identifiedIds().size() - 97 + 95) / 96);
    }

    @Test
    void anIdCursorResumedFromItsCheckpointReadsTheRestOnce() {
        KeysetPaging paging = KeysetPaging.of(Keyset.of("visitorId")).withPageSize(500);
        KeysetPager<Map<String, Object>> first = paging.pager(aggregations, Queries.allVisitors());
        List<String> seen = new ArrayList<>();
        try (Stream<Map<String, Object>> rows = first.stream()) {
            rows.limit(1234).forEach(row -> seen.add((String) row.get("visitorId")));
        }
        KeysetCheckpoint saved =
                KeysetCheckpoint.parse(first.checkpoint().orElseThrow().toJson());

        paging.withResumeAfter(saved).pager(aggregations, Queries.allVisitors()).stream()
                .forEach(row -> seen.add((String) row.get("visitorId")));

        assertThat(seen).hasSize(DATASET.visitors().size()).doesNotHaveDuplicates();
    }

    @Test
    void hourWindowsReadEveryHourlyRowOnceAndResumeAfterAnInterruption() {
        long expected = DATASET.hourRows().stream()
                .filter(r -> r.kind() == HourlyEvents.Kind.PAGE)
                .count();
        TimeWindows windows =
                TimeWindows.hours(END.minus(Duration.ofDays(6)), END).withSize(24);

        WindowedPager<PageEventRow> first =
                windows.pager(aggregations, Queries.pageEvents(AppIds.all()), PageEventRow.class);
        List<PageEventRow> before;
        try (Stream<PageEventRow> rows = first.stream()) {
            before = rows.limit(expected / 2).toList();
        }
        WindowedPager<PageEventRow> second = windows.withResumeFrom(
                        WindowCheckpoint.parse(first.checkpoint().toJson()))
                .pager(aggregations, Queries.pageEvents(AppIds.all()), PageEventRow.class);
        List<PageEventRow> after = second.stream().toList();

        Set<String> keys = new HashSet<>();
        Stream.concat(before.stream(), after.stream())
                .forEach(row -> keys.add(row.visitorId() + "|" + row.hour() + "|" + row.pageId() + "|" + events(row)
                        + "|" + row.firstTime()));
        long distinctExpected = DATASET.hourRows().stream()
                .filter(r -> r.kind() == HourlyEvents.Kind.PAGE)
                .map(r -> r.visitorId() + "|" + Instant.ofEpochMilli(r.hour()) + "|" + r.objectId() + "|"
                        + r.numEvents() + "|" + Instant.ofEpochMilli(r.firstTime()))
                .distinct()
                .count();
        assertThat(keys).hasSize((int) distinctExpected);
        assertThat(second.checkpoint().covered())
                .containsExactly(new WindowCheckpoint.Interval(END.minus(Duration.ofDays(6)), END));
        assertThat(first.progress().windowsDone() + second.windows().size()).isEqualTo(6);
    }

    @Test
    void dayWindowsAddUpToTheSameEventsAsHourWindows() {
        double hourly = TimeWindows.hours(END.minus(Duration.ofDays(6)), END)
                .withSize(48)
                .pager(aggregations, Queries.pageEvents(AppIds.all()), PageEventRow.class)
                .stream()
                .mapToDouble(PagingAgainstFakeTest::events)
                .sum();
        double daily = TimeWindows.days(END.minus(Duration.ofDays(6)), END)
                .withSize(2)
                .pager(aggregations, Queries.pageEvents(AppIds.all()), PageEventRow.class)
                .stream()
                .mapToDouble(PagingAgainstFakeTest::events)
                .sum();
        double stored = DATASET.hourRows().stream()
                .filter(r -> r.kind() == HourlyEvents.Kind.PAGE)
                .mapToDouble(HourlyEvents::numEvents)
                .sum();

        assertThat(hourly).isEqualTo(stored);
        assertThat(daily).isEqualTo(stored);
    }

    /**
     * A row's event count as a user adds it up: the typed whole number, or the fraction the lenient binding kept in
     * unknownFields (the fake, like Pendo, sends a fractional counter now and then).
     */
    private static double events(PageEventRow row) {
        return row.numEvents() != null
                ? row.numEvents()
                : ((Number) row.unknownFields().get("numEvents")).doubleValue();
    }
}
