package io.github.pendoclient.aggregation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code timeSeries} of an event source: a period ({@code dayRange} or {@code hourRange}, or any name through
 * {@link #of(String)}), where it starts
 * ({@code first}) and either how many periods ({@code count}, negative to go back in time) or where it ends
 * ({@code last}). Immutable; {@code count} and {@code last} replace each other.
 *
 * <pre>{@code
 * TimeSeries.days().first(Instant.parse("2026-01-01T00:00:00Z")).count(30)
 * // {"period": "dayRange", "first": 1767225600000, "count": 30}
 * TimeSeries.hours().first(Expr.now()).count(-24)
 * }</pre>
 *
 * <p>Windows given by {@code first} and {@code count} never overlap; windows given by {@code first} and
 * {@code last} share their boundary hour, which is why the SDK's own windows use {@code count}.
 */
public final class TimeSeries {

    /** The granularity of a time series. */
    public enum Period {
        /** {@code dayRange}: one bucket per day, rows carry {@code day}. */
        DAY("dayRange", "day", Duration.ofDays(1)),
        /** {@code hourRange}: one bucket per hour, rows carry {@code hour}. */
        HOUR("hourRange", "hour", Duration.ofHours(1));

        private final String wireName;
        private final String rowField;
        private final Duration nominalLength;

        Period(String wireName, String rowField, Duration nominalLength) {
            this.wireName = wireName;
            this.rowField = rowField;
            this.nominalLength = nominalLength;
        }

        /**
         * The name Pendo uses.
         *
         * @return {@code dayRange} or {@code hourRange}
         */
        public String wireName() {
            return wireName;
        }

        /**
         * The row field that holds a bucket's start.
         *
         * @return {@code day} or {@code hour}
         */
        public String rowField() {
            return rowField;
        }

        /**
         * The length of one period (a day is 24 hours here; windows in a zone with daylight saving use the calendar).
         *
         * @return one day or one hour
         */
        public Duration nominalLength() {
            return nominalLength;
        }
    }

    private final Period period;
    private final String periodName;
    private final Object first;
    private final Integer count;
    private final Object last;

    private TimeSeries(Period period, String periodName, Object first, Integer count, Object last) {
        this.period = period;
        this.periodName = periodName;
        this.first = first;
        this.count = count;
        this.last = last;
    }

    /**
     * A daily series ({@code dayRange}).
     *
     * @return a series with no bounds yet
     */
    public static TimeSeries days() {
        return of(Period.DAY);
    }

    /**
     * An hourly series ({@code hourRange}).
     *
     * @return a series with no bounds yet
     */
    public static TimeSeries hours() {
        return of(Period.HOUR);
    }

    /**
     * A series of the given period.
     *
     * @param period day or hour
     * @return a series with no bounds yet
     */
    public static TimeSeries of(Period period) {
        return new TimeSeries(Objects.requireNonNull(period, "period"), period.wireName(), null, null, null);
    }

    /**
     * A series of any period Pendo accepts, sent as given. Pendo documents only {@code dayRange} and
     * {@code hourRange}; other names (for example ones seen in saved reports) are not documented by Pendo, and the
     * SDK's pagers ({@code TimeWindows}) still only understand day and hour. {@code "dayRange"} and
     * {@code "hourRange"} give the same series as {@link #days()} and {@link #hours()}.
     *
     * @param period the period name, sent as the {@code period} member
     * @return a series with no bounds yet
     * @throws IllegalArgumentException if the name is blank
     */
    public static TimeSeries of(String period) {
        Objects.requireNonNull(period, "period");
        if (period.isBlank()) {
            throw new IllegalArgumentException("A time series period must not be blank");
        }
        for (Period known : Period.values()) {
            if (known.wireName().equals(period)) {
                return of(known);
            }
        }
        return new TimeSeries(null, period, null, null, null);
    }

    /**
     * Where the series starts, sent as epoch milliseconds.
     *
     * @param first the start
     * @return a new series
     */
    public TimeSeries first(Instant first) {
        return new TimeSeries(
                period, periodName, Objects.requireNonNull(first, "first").toEpochMilli(), count, last);
    }

    /**
     * Where the series starts, as an expression such as {@code now()} or {@code date(2026, 1, 1)}.
     *
     * @param first the start
     * @return a new series
     */
    public TimeSeries first(Expr first) {
        return new TimeSeries(
                period, periodName, Objects.requireNonNull(first, "first").toString(), count, last);
    }

    /**
     * How many periods, counted from {@code first}; negative counts back. Replaces {@code last}.
     *
     * @param count a non-zero number of periods
     * @return a new series
     */
    public TimeSeries count(int count) {
        if (count == 0) {
            throw new IllegalArgumentException("A time series count must not be 0");
        }
        return new TimeSeries(period, periodName, first, count, null);
    }

    /**
     * Where the series ends, as epoch milliseconds. Replaces {@code count}.
     *
     * @param last the end
     * @return a new series
     */
    public TimeSeries last(Instant last) {
        return new TimeSeries(
                period,
                periodName,
                first,
                null,
                Objects.requireNonNull(last, "last").toEpochMilli());
    }

    /**
     * Where the series ends, as an expression such as {@code now()}. Replaces {@code count}.
     *
     * @param last the end
     * @return a new series
     */
    public TimeSeries last(Expr last) {
        return new TimeSeries(
                period,
                periodName,
                first,
                null,
                Objects.requireNonNull(last, "last").toString());
    }

    /**
     * The period, when it is one the SDK knows.
     *
     * @return day or hour, or empty for a period given by a name the SDK does not know ({@link #of(String)})
     */
    public Optional<Period> period() {
        return Optional.ofNullable(period);
    }

    /**
     * The period as sent.
     *
     * @return for example {@code dayRange}
     */
    public String periodName() {
        return periodName;
    }

    /**
     * Whether {@code first} and one of {@code count} or {@code last} are set.
     *
     * @return true when the series can be sent
     */
    public boolean isComplete() {
        return first != null && (count != null || last != null);
    }

    Map<String, Object> toJsonValue() {
        if (!isComplete()) {
            throw new IllegalStateException(
                    "A time series needs first(...) and either count(...) or last(...): " + this);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", periodName);
        json.put("first", first);
        if (count != null) {
            json.put("count", count);
        } else {
            json.put("last", last);
        }
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries series
                && series.periodName.equals(periodName)
                && Objects.equals(series.first, first)
                && Objects.equals(series.count, count)
                && Objects.equals(series.last, last);
    }

    @Override
    public int hashCode() {
        return Objects.hash(periodName, first, count, last);
    }

    @Override
    public String toString() {
        return "TimeSeries{period=" + periodName + ", first=" + first + (count != null ? ", count=" + count : "")
                + (last != null ? ", last=" + last : "") + "}";
    }
}
