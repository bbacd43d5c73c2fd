package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.HourlyEvents;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hourly event rows by hour, so that a time series window costs the rows in the window rather than the whole
 * dataset. Rows in a window come out in their dataset order, as a scan would give them. Immutable.
 */
public final class HourIndex {

    private static final long HOUR = 3_600_000L;

    private final List<HourlyEvents> rows;
    /** (hour bucket relative to {@code base}) << 32 | row position, sorted. */
    private final long[] byHour;

    private final long base;

    private HourIndex(List<HourlyEvents> rows, long[] byHour, long base) {
        this.rows = rows;
        this.byHour = byHour;
        this.base = base;
    }

    /**
     * Indexes the rows.
     *
     * @param rows the dataset's hourly rows
     * @return the index
     */
    public static HourIndex build(List<HourlyEvents> rows) {
        long base = Long.MAX_VALUE;
        for (HourlyEvents row : rows) {
            base = Math.min(base, Math.floorDiv(row.hour(), HOUR));
        }
        long[] byHour = new long[rows.size()];
        for (int i = 0; i < byHour.length; i++) {
            byHour[i] = (Math.floorDiv(rows.get(i).hour(), HOUR) - base) << 32 | i;
        }
        Arrays.sort(byHour);
        return new HourIndex(rows, byHour, base);
    }

    /**
     * The rows whose hour lies in a range.
     *
     * @param range the range
     * @return the rows, in dataset order
     */
    public Stream<HourlyEvents> window(TimeRange range) {
        if (byHour.length == 0 || range.to() <= range.from()) {
            return Stream.empty();
        }
        int from = firstAtOrAfter(bucket(range.from()));
        int to = firstAtOrAfter(bucket(range.to() - 1) + 1);
        int[] positions = new int[Math.max(0, to - from)];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = (int) byHour[from + i];
        }
        Arrays.sort(positions);
        return Arrays.stream(positions).mapToObj(rows::get).filter(row -> range.contains(row.hour()));
    }

    private long bucket(long time) {
        long relative = Math.floorDiv(time, HOUR) - base;
        return Math.max(-1, Math.min(relative, Integer.MAX_VALUE - 1L));
    }

    /** The first position whose bucket is at least this one. */
    private int firstAtOrAfter(long bucket) {
        if (bucket < 0) {
            return 0;
        }
        int index = Arrays.binarySearch(byHour, bucket << 32);
        return index >= 0 ? index : -index - 1;
    }
}
