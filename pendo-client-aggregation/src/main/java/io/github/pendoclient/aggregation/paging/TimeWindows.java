package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.TimeSeries;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a time range into day or hour windows for event sources, so that no request asks for more than 30 days
 * (Pendo's guidance) and a sync job can checkpoint after each window. Immutable.
 *
 * <pre>{@code
 * TimeWindows windows = TimeWindows.hours(Instant.parse("2026-11-01T00:00:00Z"))   // up to now
 *     .withSize(24)                                   // 24 hours per request
 *     .withLag(Duration.ofHours(8))                   // hourly data arrives hours late: leave the newest 8 h for later
 *     .withResumeFrom(saved);                         // skip what an earlier run finished
 * WindowedPager<PageEventRow> pager = windows.pager(aggregations, query, PageEventRow.class);
 * }</pre>
 *
 * <p>Windows are whole periods aligned in {@link #withZone(ZoneId)} (UTC by default; which zone Pendo's day buckets use
 * is not documented, so set your subscription's zone if it is not UTC). The range starts at the period holding
 * {@code from} and ends before the period holding {@code min(to, now - lag)}: a period still in progress is never
 * fetched. Each window is sent as {@code first} and {@code count}, so adjacent windows share no boundary hour.
 */
public final class TimeWindows {

    /** The order windows run in. */
    public enum Order {
        /** Oldest window first: the checkpoint grows forward. */
        OLDEST_FIRST,
        /** Newest window first (Hevo's "recent data first"): recent data lands first during a long backfill. */
        NEWEST_FIRST
    }

    /** The most days one request may span. */
    public static final int MAX_DAYS = 30;

    private final TimeSeries.Period period;
    private final Instant from;
    private final Instant to;
    private final int size;
    private final Order order;
    private final Duration lag;
    private final ZoneId zone;
    private final Clock clock;
    private final WindowCheckpoint checkpoint;

    private TimeWindows(
            TimeSeries.Period period,
            Instant from,
            Instant to,
            int size,
            Order order,
            Duration lag,
            ZoneId zone,
            Clock clock,
            WindowCheckpoint checkpoint) {
        this.period = period;
        this.from = from;
        this.to = to;
        this.size = size;
        this.order = order;
        this.lag = lag;
        this.zone = zone;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    /**
     * Day windows from {@code from} up to now, one day per request.
     *
     * @param from the start
     * @return the windows
     */
    public static TimeWindows days(Instant from) {
        return days(from, null);
    }

    /**
     * Day windows from {@code from} to {@code to}, one day per request.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive, or null for now
     * @return the windows
     */
    public static TimeWindows days(Instant from, Instant to) {
        return of(TimeSeries.Period.DAY, from, to, 1);
    }

    /**
     * Hour windows from {@code from} up to now, 24 hours per request.
     *
     * @param from the start
     * @return the windows
     */
    public static TimeWindows hours(Instant from) {
        return hours(from, null);
    }

    /**
     * Hour windows from {@code from} to {@code to}, 24 hours per request.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive, or null for now
     * @return the windows
     */
    public static TimeWindows hours(Instant from, Instant to) {
        return of(TimeSeries.Period.HOUR, from, to, 24);
    }

    private static TimeWindows of(TimeSeries.Period period, Instant from, Instant to, int size) {
        Objects.requireNonNull(from, "from");
        if (to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The range is empty: from " + from + " is not before to " + to);
        }
        return new TimeWindows(
                period,
                from,
                to,
                size,
                Order.OLDEST_FIRST,
                Duration.ZERO,
                ZoneOffset.UTC,
                Clock.systemUTC(),
                WindowCheckpoint.empty());
    }

    /**
     * A copy with another window size: how many periods one request covers.
     *
     * @param periods 1 to 30 days, or 1 to 720 hours
     * @return new windows
     */
    public TimeWindows withSize(int periods) {
        int max = period == TimeSeries.Period.DAY ? MAX_DAYS : MAX_DAYS * 24;
        if (periods < 1 || periods > max) {
            throw new IllegalArgumentException("A window is 1 to " + max + " " + period.rowField() + "s (Pendo"
                    + " advises against more than " + MAX_DAYS + " days per request), not " + periods);
        }
        return new TimeWindows(period, from, to, periods, order, lag, zone, clock, checkpoint);
    }

    /**
     * A copy with another order.
     *
     * @param order oldest or newest first
     * @return new windows
     */
    public TimeWindows withOrder(Order order) {
        return new TimeWindows(
                period, from, to, size, Objects.requireNonNull(order, "order"), lag, zone, clock, checkpoint);
    }

    /**
     * A copy with another settling lag: periods that end later than {@code now - lag} are left for a later run.
     * Hourly data shows up in the API hours late (Estuary keeps 8 hours).
     *
     * @param lag zero or more
     * @return new windows
     */
    public TimeWindows withLag(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("The lag must not be negative, was " + lag);
        }
        return new TimeWindows(period, from, to, size, order, lag, zone, clock, checkpoint);
    }

    /**
     * A copy with another zone to align periods in.
     *
     * @param zone the zone, UTC by default
     * @return new windows
     */
    public TimeWindows withZone(ZoneId zone) {
        return new TimeWindows(
                period, from, to, size, order, lag, Objects.requireNonNull(zone, "zone"), clock, checkpoint);
    }

    /**
     * A copy with another clock, the one that says what "now" is.
     *
     * @param clock the clock, the system clock by default
     * @return new windows
     */
    public TimeWindows withClock(Clock clock) {
        return new TimeWindows(
                period, from, to, size, order, lag, zone, Objects.requireNonNull(clock, "clock"), checkpoint);
    }

    /**
     * Leaves out what a checkpoint covers.
     *
     * @param checkpoint what earlier runs finished, or null for nothing
     * @return new windows
     */
    public TimeWindows withResumeFrom(WindowCheckpoint checkpoint) {
        return new TimeWindows(
                period,
                from,
                to,
                size,
                order,
                lag,
                zone,
                clock,
                checkpoint == null ? WindowCheckpoint.empty() : checkpoint);
    }

    /**
     * The period.
     *
     * @return day or hour
     */
    public TimeSeries.Period period() {
        return period;
    }

    /**
     * The checkpoint the plan starts from.
     *
     * @return the checkpoint
     */
    public WindowCheckpoint checkpoint() {
        return checkpoint;
    }

    /**
     * The windows still to run, in order.
     *
     * @return the windows; empty when everything up to {@code now - lag} is covered
     */
    public List<TimeWindow> plan() {
        Instant now = clock.instant();
        Instant settled = now.minus(lag);
        Instant upper = floor(to == null || to.isAfter(settled) ? settled : to);
        Instant lower = floor(from);
        List<TimeWindow> windows = new ArrayList<>();
        Instant gapStart = lower;
        for (WindowCheckpoint.Interval done : checkpoint.covered()) {
            split(gapStart, min(floor(done.from()), upper), windows);
            Instant doneEnd = ceil(done.to());
            gapStart = doneEnd.isAfter(gapStart) ? doneEnd : gapStart;
        }
        split(gapStart, upper, windows);
        if (order == Order.NEWEST_FIRST) {
            Collections.reverse(windows);
        }
        return Collections.unmodifiableList(windows);
    }

    private void split(Instant start, Instant end, List<TimeWindow> windows) {
        Instant cursor = start;
        while (cursor.isBefore(end)) {
            Instant next = cursor;
            int periods = 0;
            while (periods < size && next.isBefore(end)) {
                next = step(next);
                periods++;
            }
            windows.add(new TimeWindow(cursor, next, period, periods));
            cursor = next;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant floor(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return local.truncatedTo(period == TimeSeries.Period.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS)
                .toInstant();
    }

    private Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : step(floor);
    }

    private Instant step(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return (period == TimeSeries.Period.DAY ? local.plusDays(1) : local.plusHours(1)).toInstant();
    }

    /**
     * A pager over the planned windows whose rows are maps.
     *
     * @param aggregations the client that runs each window
     * @param query a query with an event source; its time series is replaced per window
     * @return the pager
     */
    public WindowedPager<Map<String, Object>> pager(AggregationClient aggregations, Aggregation query) {
        return pager(aggregations, query, (Type) Map.class);
    }

    /**
     * A pager over the planned windows.
     *
     * @param aggregations the client that runs each window
     * @param query a query with an event source; its time series is replaced per window
     * @param rowType the row class, for example {@code PageEventRow.class}
     * @param <T> the row type
     * @return the pager
     * @throws IllegalArgumentException if the query has no source
     */
    public <T> WindowedPager<T> pager(AggregationClient aggregations, Aggregation query, Class<T> rowType) {
        return pager(aggregations, query, (Type) rowType);
    }

    /**
     * A pager over the planned windows, rows read as any type, for example a parameterized type.
     *
     * @param aggregations the client that runs each window
     * @param query a query with an event source; its time series is replaced per window
     * @param rowType the row type, for example {@code PageEventRow.class}
     * @param <T> the row type
     * @return the pager
     * @throws IllegalArgumentException if the query has no source
     */
    public <T> WindowedPager<T> pager(AggregationClient aggregations, Aggregation query, Type rowType) {
        if (query.pipeline().source().isEmpty()) {
            throw new IllegalArgumentException("A windowed query needs a source to put each window's time series on");
        }
        return new WindowedPager<>(
                Objects.requireNonNull(aggregations, "aggregations"), query, plan(), checkpoint, rowType);
    }
}
