package io.github.pendoclient.aggregation.paging;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AggregationResult;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a query's rows across pages, lazily, with a keyset cursor (see {@link KeysetPaging}). Stateful and not
 * thread-safe: {@link #checkpoint()} is the key of the last row returned, and a second {@link #stream()} goes on
 * from there.
 *
 * <p>Each page after the first starts at the last row returned ({@code >=} on the last key field) and skips that
 * one overlap row: so a second row with the same key is seen even when it falls on a page boundary. It stops with a
 * {@link PagingException} rather than loop, skip or repeat: a row without a key, two rows with the same key, keys out
 * of order (see {@link KeysetPaging#withVerifyOrder(boolean)}), or a full page that does not move the cursor. A page
 * shorter than the page size ends paging; a page of exactly the page size costs one more request.
 *
 * @param <T> the row type
 */
public final class KeysetPager<T> {

    private final AggregationClient aggregations;
    private final Aggregation query;
    private final KeysetPaging paging;
    private final JsonAdapter<Keyed<T>> rows;
    private List<Object> cursor;
    private boolean exhausted;
    private long requests;
    private long rowsReturned;

    KeysetPager(AggregationClient aggregations, Aggregation query, KeysetPaging paging, Type rowType) {
        this.aggregations = aggregations;
        this.query = query;
        this.paging = paging;
        this.cursor = paging.resumeAfter().map(KeysetCheckpoint::key).orElse(null);
        this.rows = new KeyedAdapter<>(paging.keyset(), converter(rowType));
    }

    @SuppressWarnings("unchecked")
    private static <T> Function<Map<String, Object>, T> converter(Type rowType) {
        if (rowType == Map.class || rowType == Object.class) {
            return row -> (T) row;
        }
        JsonAdapter<T> adapter = PendoJson.moshi().adapter(rowType);
        return adapter::fromJsonValue;
    }

    /**
     * The query of the next page: the base query, the cursor filter, the sort and the limit.
     *
     * @return the aggregation the next request sends
     */
    public Aggregation nextPageQuery() {
        Aggregation.Builder builder = query.toBuilder();
        if (cursor != null) {
            builder.filter(paging.keyset().atOrAfter(cursor));
        }
        return builder.sort(paging.keyset().fields().toArray(String[]::new))
                .limit(paging.pageSize())
                .build();
    }

    /**
     * The remaining rows, fetched page by page as the stream is consumed. Close the stream to release the current
     * page's connection.
     *
     * @return a lazy stream
     */
    public Stream<T> stream() {
        PageIterator iterator = new PageIterator();
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(iterator::close);
    }

    /**
     * The key of the last row returned.
     *
     * @return the checkpoint; empty before the first row (or the one resumed from)
     */
    public Optional<KeysetCheckpoint> checkpoint() {
        return cursor == null ? Optional.empty() : Optional.of(new KeysetCheckpoint(cursor));
    }

    /**
     * Whether the last page has been read.
     *
     * @return true when there are no more rows
     */
    public boolean isExhausted() {
        return exhausted;
    }

    /**
     * Requests made and rows returned so far.
     *
     * @return the progress
     */
    public PagingProgress progress() {
        return new PagingProgress(requests, rowsReturned, 0, 0);
    }

    private final class PageIterator implements Iterator<T>, AutoCloseable {
        private AggregationResult<Keyed<T>> page;
        private long rowsInPage;
        private List<Object> previous = cursor;
        private List<Object> pageStart;
        private Keyed<T> pending;

        @Override
        public boolean hasNext() {
            while (pending == null) {
                if (page == null) {
                    if (exhausted) {
                        return false;
                    }
                    page = aggregations.open(nextPageQuery(), rows);
                    requests++;
                    rowsInPage = 0;
                    pageStart = cursor;
                }
                if (page.hasNext()) {
                    Keyed<T> row = page.next();
                    rowsInPage++;
                    if (rowsInPage == 1 && row.key().equals(pageStart)) {
                        continue; // the overlap row: the last row already returned
                    }
                    check(row.key());
                    pending = row;
                    previous = row.key();
                    return true;
                }
                page.close();
                page = null;
                if (rowsInPage < paging.pageSize()) {
                    exhausted = true;
                    return false;
                }
                if (cursor == null || cursor.equals(pageStart)) {
                    throw new PagingException("A full page of " + rowsInPage + " rows left the cursor at " + cursor
                            + ": the server ignored the cursor filter, and paging on would loop forever.");
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more rows");
            }
            Keyed<T> row = pending;
            pending = null;
            rowsReturned++;
            cursor = row.key();
            return row.row();
        }

        private void check(List<Object> key) {
            if (previous == null) {
                return;
            }
            if (key.equals(previous)) {
                close();
                throw new PagingException("Two rows share the key " + key + " of " + paging.keyset()
                        + " (or the server ignored the cursor filter). Keyset paging needs a unique key, or rows"
                        + " sharing it at a page boundary would be lost: add a tiebreaker field, such as the row's"
                        + " id, to the keyset.");
            }
            if (paging.verifyOrder() && Keyset.compare(key, previous) < 0) {
                close();
                throw new PagingException("Rows came out of key order: " + key + " after " + previous + " for "
                        + paging.keyset() + ". The server's sort disagrees with its comparison, so paging could"
                        + " repeat or skip rows. If your keys use another collation, page with verifyOrder(false).");
            }
        }

        @Override
        public void close() {
            if (page != null) {
                page.close();
                page = null;
            }
        }
    }

    /** A row and its key. */
    record Keyed<T>(List<Object> key, T row) {}

    /** Reads a row as a map, takes its key, and converts it. */
    private static final class KeyedAdapter<T> extends JsonAdapter<Keyed<T>> {
        private final Keyset keyset;
        private final Function<Map<String, Object>, T> convert;

        KeyedAdapter(Keyset keyset, Function<Map<String, Object>, T> convert) {
            this.keyset = keyset;
            this.convert = convert;
        }

        @Override
        public Keyed<T> fromJson(JsonReader reader) throws IOException {
            Map<String, Object> row = JsonValues.readObject(reader);
            return new Keyed<>(keyset.keyOf(row), convert.apply(row));
        }

        @Override
        public void toJson(JsonWriter writer, Keyed<T> value) {
            throw new UnsupportedOperationException("Rows are only read");
        }
    }
}
