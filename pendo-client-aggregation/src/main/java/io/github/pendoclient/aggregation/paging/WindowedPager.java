package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AggregationResult;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an event query window by window (see {@link TimeWindows}), lazily. Stateful and not thread-safe:
 * {@link #checkpoint()} covers every window whose rows have all been returned, and a second {@link #stream()} goes on
 * with the next window. A window cut off mid-way is not covered, so a resumed run fetches it again whole: write rows
 * with an upsert on their primary key (or drop the window's rows first) to keep no duplicates.
 *
 * @param <T> the row type
 */
public final class WindowedPager<T> {

    private final AggregationClient aggregations;
    private final Aggregation query;
    private final List<TimeWindow> windows;
    private final Type rowType;
    private WindowCheckpoint checkpoint;
    private int next;
    private long requests;
    private long rows;

    WindowedPager(
            AggregationClient aggregations,
            Aggregation query,
            List<TimeWindow> windows,
            WindowCheckpoint checkpoint,
            Type rowType) {
        this.aggregations = aggregations;
        this.query = query;
        this.windows = windows;
        this.checkpoint = checkpoint;
        this.rowType = rowType;
    }

    /**
     * The planned windows, in the order they run.
     *
     * @return the windows
     */
    public List<TimeWindow> windows() {
        return windows;
    }

    /**
     * The window being read, or the next one.
     *
     * @return the window; empty once every window is done
     */
    public Optional<TimeWindow> currentWindow() {
        return next < windows.size() ? Optional.of(windows.get(next)) : Optional.empty();
    }

    /**
     * The query sent for a window.
     *
     * @param window one of {@link #windows()}
     * @return the query with the window's time series
     */
    public Aggregation queryFor(TimeWindow window) {
        return query.withTimeSeries(window.timeSeries());
    }

    /**
     * The remaining windows' rows, one request per window as the stream is consumed. Close the stream to release
     * the current window's connection.
     *
     * @return a lazy stream
     */
    public Stream<T> stream() {
        WindowIterator iterator = new WindowIterator();
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(iterator::close);
    }

    /**
     * What is covered: the checkpoint resumed from plus every finished window.
     *
     * @return the checkpoint
     */
    public WindowCheckpoint checkpoint() {
        return checkpoint;
    }

    /**
     * Requests made, rows returned and windows done so far.
     *
     * @return the progress
     */
    public PagingProgress progress() {
        return new PagingProgress(requests, rows, next, windows.size());
    }

    private final class WindowIterator implements Iterator<T>, AutoCloseable {
        private AggregationResult<T> current;

        @Override
        public boolean hasNext() {
            while (true) {
                if (current == null) {
                    if (next >= windows.size()) {
                        return false;
                    }
                    current = aggregations.open(queryFor(windows.get(next)), rowType);
                    requests++;
                }
                if (current.hasNext()) {
                    return true;
                }
                current.close();
                current = null;
                TimeWindow done = windows.get(next);
                checkpoint = checkpoint.plus(done.start(), done.end());
                next++;
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more rows");
            }
            rows++;
            return current.next();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
