package io.github.pendoclient.testing.internal;

/**
 * The periods a {@code timeSeries} selects: {@code [from, to)} in epoch milliseconds.
 *
 * @param hourly true for {@code hourRange}, false for {@code dayRange}
 * @param from the start of the first period
 * @param to the end of the last period
 */
public record TimeRange(boolean hourly, long from, long to) {

    /**
     * Whether a bucket start lies in the range.
     *
     * @param bucket epoch milliseconds
     * @return true if {@code from <= bucket < to}
     */
    public boolean contains(long bucket) {
        return bucket >= from && bucket < to;
    }
}
