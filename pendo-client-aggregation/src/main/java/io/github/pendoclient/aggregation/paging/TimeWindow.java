package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.aggregation.TimeSeries;
import java.time.Instant;

/**
 * One window of a {@link TimeWindows} plan: {@code periods} whole days or hours from {@code start} (inclusive) to
 * {@code end} (exclusive).
 *
 * @param start the first period's start
 * @param end the end of the last period
 * @param period day or hour
 * @param periods how many periods
 */
public record TimeWindow(Instant start, Instant end, TimeSeries.Period period, int periods) {

    /**
     * Checks the window.
     *
     * @param start the first period's start
     * @param end the end of the last period
     * @param period day or hour
     * @param periods how many periods
     */
    public TimeWindow {
        if (!start.isBefore(end) || periods < 1) {
            throw new IllegalArgumentException("A window must not be empty: " + start + " to " + end);
        }
    }

    /**
     * The time series for this window: {@code first} = start, {@code count} = periods. With {@code count}, adjacent
     * windows never share a boundary hour.
     *
     * @return the time series
     */
    public TimeSeries timeSeries() {
        return TimeSeries.of(period).first(start).count(periods);
    }
}
