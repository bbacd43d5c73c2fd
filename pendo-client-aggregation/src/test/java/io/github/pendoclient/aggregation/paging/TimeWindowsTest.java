package io.github.pendoclient.aggregation.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.EngineServerAccess;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.TimeSeries;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.testing.internal.AggregationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimeWindowsTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:37:00Z"), ZoneOffset.UTC);

    /** Every period start the windows cover, failing on any period covered twice. */
    private static List<Instant> periods(List<TimeWindow> windows) {
        List<Instant> periods = new ArrayList<>();
        Set<Instant> seen = new HashSet<>();
        for (TimeWindow window : windows) {
            Instant cursor = window.start();
            for (int i = 0; i < window.periods(); i++) {
                assertThat(seen.add(cursor))
                        .as("period %s covered twice", cursor)
                        .isTrue();
                periods.add(cursor);
                cursor = cursor.plus(window.period().nominalLength());
            }
            assertThat(cursor).isEqualTo(window.end());
        }
        return periods;
    }

    @Test
    void splitsADayRangeIntoContiguousWindowsOfTheGivenSize() {
        List<TimeWindow> windows = TimeWindows.days(NOV_1.minus(Duration.ofDays(30)), NOV_1)
                .withSize(7)
                .withClock(NOW)
                .plan();

        assertThat(windows).extracting(TimeWindow::periods).containsExactly(7, 7, 7, 7, 2);
        assertThat(windows.get(0).start()).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
        assertThat(windows.get(4).end()).isEqualTo(NOV_1);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end());
        }
        assertThat(periods(windows)).hasSize(30);
        assertThat(windows.get(0).timeSeries())
                .isEqualTo(TimeSeries.days().first(windows.get(0).start()).count(7));
    }

    @Test
    void leavesOutPeriodsInProgressAndThoseWithinTheLag() {
        List<TimeWindow> noLag = TimeWindows.hours(Instant.parse("2026-11-22T00:00:00Z"))
                .withClock(NOW)
                .plan();
        assertThat(noLag).hasSize(1);
        assertThat(noLag.get(0).end()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));

        List<TimeWindow> lagged = TimeWindows.hours(Instant.parse("2026-11-22T00:00:00Z"))
                .withLag(Duration.ofHours(8))
                .withClock(NOW)
                .plan();
        assertThat(lagged.get(0).end()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(lagged.get(0).periods()).isEqualTo(2);

        assertThat(TimeWindows.days(Instant.parse("2026-11-22T05:00:00Z"))
                        .withClock(NOW)
                        .plan())
                .isEmpty();
    }

    @Test
    void alignsTheStartToItsPeriodAndDaysToTheZone() {
        List<TimeWindow> hours = TimeWindows.hours(
                        Instant.parse("2026-11-20T05:30:00Z"), Instant.parse("2026-11-20T08:00:00Z"))
                .withClock(NOW)
                .plan();
        assertThat(hours.get(0).start()).isEqualTo(Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(hours.get(0).periods()).isEqualTo(3);

        List<TimeWindow> berlin = TimeWindows.days(
                        Instant.parse("2026-11-20T12:00:00Z"), Instant.parse("2026-11-22T00:00:00Z"))
                .withSize(7)
                .withZone(ZoneId.of("Europe/Berlin"))
                .withClock(NOW)
                .plan();
        assertThat(berlin.get(0).start()).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
        assertThat(berlin.get(0).end()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
    }

    @Test
    void newestFirstRunsTheSameWindowsInReverse() {
        TimeWindows windows = TimeWindows.days(NOV_1, NOV_1.plus(Duration.ofDays(5)))
                .withSize(2)
                .withClock(NOW);

        List<TimeWindow> oldest = windows.plan();
        List<TimeWindow> newest =
                windows.withOrder(TimeWindows.Order.NEWEST_FIRST).plan();

        assertThat(newest).hasSameElementsAs(oldest);
        assertThat(newest.get(0).end()).isEqualTo(NOV_1.plus(Duration.ofDays(5)));
        assertThat(newest.get(0).periods()).isEqualTo(1);
    }

    @Test
    void aCheckpointLeavesOutWhatIsCoveredSoEveryHourIsFetchedOnceAcrossRuns() {
        TimeWindows windows = TimeWindows.hours(NOV_1, NOV_1.plus(Duration.ofHours(100)))
                .withSize(24)
                .withClock(NOW);
        WindowCheckpoint done = WindowCheckpoint.empty()
                .plus(NOV_1.plus(Duration.ofHours(10)), NOV_1.plus(Duration.ofHours(34)))
                .plus(NOV_1.plus(Duration.ofHours(50)), NOV_1.plus(Duration.ofHours(60)));

        List<TimeWindow> rest =
                windows.withResumeFrom(WindowCheckpoint.parse(done.toJson())).plan();

        List<Instant> fetched = new ArrayList<>(periods(rest));
        for (WindowCheckpoint.Interval interval : done.covered()) {
            for (Instant h = interval.from(); h.isBefore(interval.to()); h = h.plus(Duration.ofHours(1))) {
                assertThat(fetched).doesNotContain(h);
                fetched.add(h);
            }
        }
        assertThat(fetched).hasSize(100).doesNotHaveDuplicates();
        assertThat(rest.stream().mapToInt(TimeWindow::periods).max().orElseThrow())
                .isLessThanOrEqualTo(24);
    }

    @Test
    void checkpointsMergeAndRoundTrip() {
        WindowCheckpoint checkpoint = WindowCheckpoint.empty()
                .plus(NOV_1, NOV_1.plus(Duration.ofDays(1)))
                .plus(NOV_1.plus(Duration.ofDays(2)), NOV_1.plus(Duration.ofDays(3)))
                .plus(NOV_1.plus(Duration.ofDays(1)), NOV_1.plus(Duration.ofDays(2)));

        assertThat(checkpoint.covered())
                .containsExactly(new WindowCheckpoint.Interval(NOV_1, NOV_1.plus(Duration.ofDays(3))));
        assertThat(checkpoint.coveredUntil()).contains(NOV_1.plus(Duration.ofDays(3)));
        assertThat(WindowCheckpoint.parse(checkpoint.toJson())).isEqualTo(checkpoint);
        assertThat(WindowCheckpoint.parse("[]")).isEqualTo(WindowCheckpoint.empty());
        assertThatThrownBy(() -> WindowCheckpoint.parse("[[1]]")).hasMessageContaining("[fromMillis, toMillis]");
    }

    @Test
    void neverAsksForMoreThanThirtyDays() {
        assertThatThrownBy(() -> TimeWindows.days(NOV_1).withSize(31)).hasMessageContaining("1 to 30 days");
        assertThatThrownBy(() -> TimeWindows.hours(NOV_1).withSize(721)).hasMessageContaining("1 to 720 hours");
        assertThat(TimeWindows.hours(NOV_1)
                        .withSize(720)
                        .withClock(NOW)
                        .plan()
                        .get(0)
                        .periods())
                .isLessThanOrEqualTo(720);
        assertThatThrownBy(() -> TimeWindows.days(NOV_1, NOV_1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> TimeWindows.days(NOV_1).withLag(Duration.ofHours(-1)))
                .hasMessageContaining("negative");
    }

    /** Hourly pageEvents rows: one row per hour and page over three days. */
    private static List<Map<String, Object>> hourlyRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int h = 0; h < 72; h++) {
            for (String page : List.of("p1", "p2")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("visitorId", "v-" + h);
                row.put("pageId", page);
                row.put("hour", NOV_1.plus(Duration.ofHours(h)).toEpochMilli());
                row.put("numEvents", 1L);
                rows.add(row);
            }
        }
        return rows;
    }

    private static EngineServerAccess hourlyServer(List<Map<String, Object>> rows) {
        return EngineServerAccess.of((name, params, range) -> {
            if (!name.equals("pageEvents") || range == null || !range.hourly()) {
                throw new AggregationException(422, "expected hourly pageEvents");
            }
            return rows.stream()
                    .filter(row -> range.contains((Long) row.get("hour")))
                    .map(LinkedHashMap::new);
        });
    }

    @Test
    void aWindowedPagerReadsEveryHourOnceAndCheckpointsWholeWindows() {
        List<Map<String, Object>> rows = hourlyRows();
        try (EngineServerAccess fake = hourlyServer(rows)) {
            WindowedPager<PageEventRow> pager = TimeWindows.hours(NOV_1, NOV_1.plus(Duration.ofHours(72)))
                    .withSize(24)
                    .withClock(NOW)
                    .pager(fake.aggregations(), Queries.pageEvents(AppIds.all()), PageEventRow.class);

            List<PageEventRow> read;
            try (Stream<PageEventRow> stream = pager.stream()) {
                read = stream.toList();
            }

            assertThat(read).hasSize(rows.size());
            assertThat(read)
                    .extracting(row -> row.hour().toString() + row.pageId())
                    .doesNotHaveDuplicates();
            assertThat(pager.progress()).isEqualTo(new PagingProgress(3, 144, 3, 3));
            assertThat(pager.checkpoint().covered())
                    .containsExactly(new WindowCheckpoint.Interval(NOV_1, NOV_1.plus(Duration.ofHours(72))));
            assertThat(fake.pipelines())
                    .hasSize(3)
                    .allSatisfy(pipeline -> assertThat(pipeline.get(0).toString())
                            .contains("period=hourRange")
                            .contains("count=24"));
        }
    }

    @Test
    void anInterruptedWindowIsFetchedAgainWholeAndFinishedOnesAreNot() {
        List<Map<String, Object>> rows = hourlyRows();
        try (EngineServerAccess fake = hourlyServer(rows)) {
            TimeWindows windows = TimeWindows.hours(NOV_1, NOV_1.plus(Duration.ofHours(72)))
                    .withSize(24)
                    .withClock(NOW);
            WindowedPager<Map<String, Object>> first =
                    windows.pager(fake.aggregations(), Queries.pageEvents(AppIds.all()));
            List<Map<String, Object>> before;
            try (Stream<Map<String, Object>> stream = first.stream()) {
                before = stream.limit(60).toList(); // the whole first window (48 rows) and part of the second
            }
            assertThat(first.checkpoint().coveredUntil()).contains(NOV_1.plus(Duration.ofHours(24)));

            WindowedPager<Map<String, Object>> second = windows.withResumeFrom(
                            WindowCheckpoint.parse(first.checkpoint().toJson()))
                    .pager(fake.aggregations(), Queries.pageEvents(AppIds.all()));
            List<Map<String, Object>> after = second.stream().toList();

            assertThat(second.windows()).hasSize(2);
            assertThat(after).hasSize(96);
            Set<String> keys = new HashSet<>();
            for (Map<String, Object> row : before) {
                keys.add(row.get("hour") + "/" + row.get("pageId"));
            }
            for (Map<String, Object> row : after) {
                keys.add(row.get("hour") + "/" + row.get("pageId"));
            }
            assertThat(keys).hasSize(rows.size());
        }
    }
}
