package io.github.pendoclient.testing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stored rows (guide and poll events) by their {@code browserTime}, so that a time window costs the rows in it rather
 * than a scan of the source. Rows come out in their stored order, as a scan gives them; rows whose
 * {@code browserTime} is not a number are in no window. Immutable.
 */
final class BrowserTimeIndex {

    private final List<Map<String, Object>> rows;
    /** The rows' times, ascending. */
    private final long[] times;
    /** The position in {@code rows} of the row at each time. */
    private final int[] positions;

    private BrowserTimeIndex(List<Map<String, Object>> rows, long[] times, int[] positions) {
        this.rows = rows;
        this.times = times;
        this.positions = positions;
    }

    /**
     * Indexes rows.
     *
     * @param rows the stored rows
     * @return the index
     */
    static BrowserTimeIndex build(List<Map<String, Object>> rows) {
        long[][] timed = new long[rows.size()][];
        int count = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get("browserTime") instanceof Number time) {
                timed[count++] = new long[] {time.longValue(), i};
            }
        }
        long[][] sorted = Arrays.copyOf(timed, count);
        Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
        long[] times = new long[count];
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            times[i] = sorted[i][0];
            positions[i] = (int) sorted[i][1];
        }
        return new BrowserTimeIndex(rows, times, positions);
    }

    /**
     * The rows whose {@code browserTime} lies in a window.
     *
     * @param window the window
     * @return the rows, in stored order (not copies)
     */
    Stream<Map<String, Object>> window(TimeRange window) {
        int from = firstAtOrAfter(window.from());
        int to = Math.max(from, firstAtOrAfter(window.to()));
        int[] picked = Arrays.copyOfRange(positions, from, to);
        Arrays.sort(picked);
        return Arrays.stream(picked).mapToObj(rows::get);
    }

    private int firstAtOrAfter(long time) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (times[middle] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
