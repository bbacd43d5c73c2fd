package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to page an aggregation by keyset: which fields, how many rows per request, and where to resume. Immutable;
 * {@link #pager(AggregationClient, Aggregation, Type)} makes the stateful pager.
 *
 * <pre>{@code
 * KeysetPager<Visitor> pager = KeysetPaging.of(Keyset.of("visitorId")).pageSize(5000)
 *     .resumeAfter(saved)                      // or leave out to start at the beginning
 *     .pager(aggregations, Queries.identifiedVisitors(), Visitor.class);
 * try (Stream<Visitor> rows = pager.stream()) { rows.forEach(sink::write); }
 * store(pager.checkpoint());
 * }</pre>
 *
 * <p>Each page is the query, then {@code filter} (rows from the cursor on), {@code sort} (the keyset fields) and
 * {@code limit}. Unlike offset paging it stays correct when rows are added while paging, and unlike paging on a
 * timestamp alone it neither repeats nor drops rows that share a timestamp at a page boundary.
 */
public final class KeysetPaging {

    /** The default page size, as PostHog's connector uses. */
    public static final int DEFAULT_PAGE_SIZE = 5_000;

    private final Keyset keyset;
    private final int pageSize;
    private final KeysetCheckpoint resumeAfter;
    private final boolean verifyOrder;

    private KeysetPaging(Keyset keyset, int pageSize, KeysetCheckpoint resumeAfter, boolean verifyOrder) {
        this.keyset = keyset;
        this.pageSize = pageSize;
        this.resumeAfter = resumeAfter;
        this.verifyOrder = verifyOrder;
    }

    /**
     * Paging on a keyset, from the start, {@value #DEFAULT_PAGE_SIZE} rows per request.
     *
     * @param keyset the fields, which must identify a row uniquely
     * @return the paging
     */
    public static KeysetPaging of(Keyset keyset) {
        return new KeysetPaging(Objects.requireNonNull(keyset, "keyset"), DEFAULT_PAGE_SIZE, null, true);
    }

    /**
     * A copy with another number of rows per request.
     *
     * @param pageSize at least 2 (each page after the first repeats the previous page's last row); the connectors
     *     use 5,000 to 100,000
     * @return a new paging
     */
    public KeysetPaging withPageSize(int pageSize) {
        if (pageSize < 2) {
            throw new IllegalArgumentException("pageSize must be at least 2, was " + pageSize);
        }
        return new KeysetPaging(keyset, pageSize, resumeAfter, verifyOrder);
    }

    /**
     * Resumes after a stored checkpoint.
     *
     * @param checkpoint the checkpoint, or null to start at the beginning
     * @return a new paging
     */
    public KeysetPaging withResumeAfter(KeysetCheckpoint checkpoint) {
        if (checkpoint != null && checkpoint.key().size() != keyset.fields().size()) {
            throw new IllegalArgumentException(
                    "The checkpoint " + checkpoint.toJson() + " does not fit the keyset " + keyset.fields());
        }
        return new KeysetPaging(keyset, pageSize, checkpoint, verifyOrder);
    }

    /**
     * Whether to check that rows come in strictly increasing key order (numbers by value, strings by code point).
     * On by default: it turns a server whose sort disagrees with its comparison operators into a
     * {@link PagingException} instead of silently repeated rows. Turn it off if your keys use a collation that
     * differs from code-point order; repeated keys and a cursor that does not move are still caught.
     *
     * @param verifyOrder whether to verify the order
     * @return a new paging
     */
    public KeysetPaging withVerifyOrder(boolean verifyOrder) {
        return new KeysetPaging(keyset, pageSize, resumeAfter, verifyOrder);
    }

    /**
     * The keyset.
     *
     * @return the keyset
     */
    public Keyset keyset() {
        return keyset;
    }

    /**
     * The rows per request.
     *
     * @return the page size
     */
    public int pageSize() {
        return pageSize;
    }

    /**
     * The checkpoint paging resumes after.
     *
     * @return the checkpoint, or empty to start at the beginning
     */
    public Optional<KeysetCheckpoint> resumeAfter() {
        return Optional.ofNullable(resumeAfter);
    }

    boolean verifyOrder() {
        return verifyOrder;
    }

    /**
     * A pager over the query, whose rows are maps.
     *
     * @param aggregations the client that runs each page
     * @param query the query: a source and any filters or evaluations, but no {@code sort}, {@code limit} or
     *     {@code skip}
     * @return the pager
     */
    public KeysetPager<Map<String, Object>> pager(AggregationClient aggregations, Aggregation query) {
        return pager(aggregations, query, (Type) Map.class);
    }

    /**
     * A pager over the query, whose rows are read as {@code rowType}.
     *
     * @param aggregations the client that runs each page
     * @param query the query: a source and any filters or evaluations, but no {@code sort}, {@code limit} or
     *     {@code skip}
     * @param rowType the row class, for example {@code Visitor.class}
     * @param <T> the row type
     * @return the pager
     * @throws IllegalArgumentException if the query sorts, limits or skips
     */
    public <T> KeysetPager<T> pager(AggregationClient aggregations, Aggregation query, Class<T> rowType) {
        return pager(aggregations, query, (Type) rowType);
    }

    /**
     * A pager over the query, whose rows are read as {@code rowType}, for example a parameterized type.
     *
     * @param aggregations the client that runs each page
     * @param query the query: a source and any filters or evaluations, but no {@code sort}, {@code limit} or
     *     {@code skip}
     * @param rowType the row type, for example {@code Visitor.class}
     * @param <T> the row type
     * @return the pager
     * @throws IllegalArgumentException if the query sorts, limits or skips
     */
    public <T> KeysetPager<T> pager(AggregationClient aggregations, Aggregation query, Type rowType) {
        for (String operator : new String[] {"sort", "limit", "skip"}) {
            if (query.hasStage(operator)) {
                throw new IllegalArgumentException("A keyset-paged query must not " + operator + ": the pager adds"
                        + " its own sort, filter and limit for each page");
            }
        }
        return new KeysetPager<>(Objects.requireNonNull(aggregations, "aggregations"), query, this, rowType);
    }
}
