package io.github.pendoclient.aggregation;

import com.squareup.moshi.JsonAdapter;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.internal.http.PendoHttp;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Runs aggregations on a {@link PendoClient} and streams their rows. Thread-safe; share one per client.
 *
 * <pre>{@code
 * AggregationClient aggregations = AggregationClient.create(client);
 * try (Stream<Map<String, Object>> rows = aggregations.stream(query)) { ... }
 * try (Stream<PageEventRow> rows = aggregations.stream(query, PageEventRow.class)) { ... }
 * }</pre>
 *
 * <p>Requests go through the client's HTTP stack: its retries (up to the response headers), rate limits and typed
 * errors, with the client's aggregation timeouts. Rows are read lazily from the body: close the stream (or exhaust
 * it) to release the connection.
 */
public final class AggregationClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final PendoHttp http;

    private AggregationClient(PendoHttp http) {
        this.http = http;
    }

    /**
     * An aggregation client on a Pendo client.
     *
     * @param client the client, which keeps owning the connections
     * @return the aggregation client
     */
    public static AggregationClient create(PendoClient client) {
        return new AggregationClient(CoreAccess.view(Objects.requireNonNull(client, "client"), PendoHttp.class));
    }

    /**
     * Runs an aggregation; rows are maps of the row's JSON (integral numbers as {@code Long}).
     *
     * @param query the aggregation
     * @return the open result, positioned before the first row
     * @throws io.github.pendoclient.error.PendoException if the request fails
     */
    public AggregationResult<Map<String, Object>> open(Aggregation query) {
        return open(query, RowReader.maps());
    }

    /**
     * Runs an aggregation; rows are read as {@code rowType} with the client's Moshi (records keep unknown members in
     * their {@link io.github.pendoclient.json.UnknownFields} component).
     *
     * @param query the aggregation
     * @param rowType the row class, for example {@link io.github.pendoclient.aggregation.rows.PageEventRow}
     * @param <T> the row type
     * @return the open result, positioned before the first row
     * @throws io.github.pendoclient.error.PendoException if the request fails
     */
    public <T> AggregationResult<T> open(Aggregation query, Class<T> rowType) {
        return open(query, (Type) rowType);
    }

    /**
     * Runs an aggregation; rows are read as the given type with the client's Moshi.
     *
     * @param query the aggregation
     * @param rowType the row type, for example a parameterized type
     * @param <T> the row type
     * @return the open result, positioned before the first row
     */
    @SuppressWarnings("unchecked")
    public <T> AggregationResult<T> open(Aggregation query, Type rowType) {
        if (rowType == Map.class || rowType == Object.class) {
            return (AggregationResult<T>) open(query);
        }
        JsonAdapter<T> adapter = http.moshi().adapter(rowType);
        return open(query, adapter);
    }

    /**
     * Runs an aggregation; rows are read with the given adapter.
     *
     * @param query the aggregation
     * @param adapter reads one row
     * @param <T> the row type
     * @return the open result, positioned before the first row
     */
    public <T> AggregationResult<T> open(Aggregation query, JsonAdapter<T> adapter) {
        return open(query, RowReader.of(Objects.requireNonNull(adapter, "adapter")));
    }

    private <T> AggregationResult<T> open(Aggregation query, RowReader<T> rows) {
        Request request = request(query);
        AggregationReport report = report(query);
        Response response;
        try {
            response = http.executeStreaming(request);
        } catch (RuntimeException e) {
            report.failed(0);
            throw e;
        }
        return new AggregationResult<>(http, request, response, rows, report);
    }

    private AggregationReport report(Aggregation query) {
        return new AggregationReport(
                http.options().eventListener(), http.options().timeSource(), query);
    }

    /**
     * {@link #open(Aggregation)} without blocking: the future completes once the response headers (and the start of
     * the body, up to the {@code results} array) have arrived. Retries before that wait on a timer and hold no
     * thread. Reading the rows of the result blocks, as with {@link #open(Aggregation)}; close it when done.
     *
     * @param query the aggregation
     * @return a future of the open result, failed with a {@link io.github.pendoclient.error.PendoException}
     */
    public CompletableFuture<AggregationResult<Map<String, Object>>> openAsync(Aggregation query) {
        return openAsync(query, RowReader.maps());
    }

    /**
     * {@link #open(Aggregation, Class)} without blocking; see {@link #openAsync(Aggregation)}.
     *
     * @param query the aggregation
     * @param rowType the row class
     * @param <T> the row type
     * @return a future of the open result
     */
    public <T> CompletableFuture<AggregationResult<T>> openAsync(Aggregation query, Class<T> rowType) {
        if (rowType == Map.class || rowType == Object.class) {
            @SuppressWarnings("unchecked") // rows of Map.class or Object.class are the maps of openAsync(query)
            CompletableFuture<AggregationResult<T>> maps =
                    (CompletableFuture<AggregationResult<T>>) (Object) openAsync(query);
            return maps;
        }
        return openAsync(query, RowReader.of(http.moshi().adapter(rowType)));
    }

    private <T> CompletableFuture<AggregationResult<T>> openAsync(Aggregation query, RowReader<T> rows) {
        Request request;
        try {
            request = request(query);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        AggregationReport report = report(query);
        return http.executeStreamingAsync(request)
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        report.failed(0);
                    }
                })
                .thenApply(response -> new AggregationResult<>(http, request, response, rows, report));
    }

    private Request request(Aggregation query) {
        // An aggregation is a read sent as POST: repeating it is harmless.
        Request request = PendoHttp.idempotent(new Request.Builder()
                .url(http.url("api/v1/aggregation"))
                .post(RequestBody.create(Objects.requireNonNull(query, "query").toJson(), JSON))
                .build());
        return PendoHttp.withEndpointTemplate(request, "api/v1/aggregation");
    }

    /**
     * Streams an aggregation's rows as maps.
     *
     * @param query the aggregation
     * @return a lazy stream; close it to release the connection
     */
    public Stream<Map<String, Object>> stream(Aggregation query) {
        return open(query).stream();
    }

    /**
     * Streams an aggregation's rows as {@code rowType}.
     *
     * @param query the aggregation
     * @param rowType the row class
     * @param <T> the row type
     * @return a lazy stream; close it to release the connection
     */
    public <T> Stream<T> stream(Aggregation query, Class<T> rowType) {
        return open(query, rowType).stream();
    }

    /**
     * Streams an aggregation's rows with the given adapter.
     *
     * @param query the aggregation
     * @param adapter reads one row
     * @param <T> the row type
     * @return a lazy stream; close it to release the connection
     */
    public <T> Stream<T> stream(Aggregation query, JsonAdapter<T> adapter) {
        return open(query, adapter).stream();
    }

    /**
     * Counts the rows an aggregation returns, by appending {@code {"count": null}}.
     *
     * @param query the aggregation
     * @return the number of rows
     * @throws io.github.pendoclient.error.UnreadableResponseException if the answer has no count
     */
    public long count(Aggregation query) {
        try (AggregationResult<Map<String, Object>> result = open(counting(query))) {
            return countIn(result);
        }
    }

    /**
     * {@link #count(Aggregation)} without blocking: retries wait on a timer and hold no thread; the small answer is
     * read when its headers arrive.
     *
     * @param query the aggregation
     * @return a future of the number of rows, failed with the same exceptions as {@link #count(Aggregation)}
     */
    public CompletableFuture<Long> countAsync(Aggregation query) {
        Aggregation counting;
        try {
            counting = counting(query);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return openAsync(counting).thenApply(result -> {
            try (result) {
                return countIn(result);
            }
        });
    }

    private static Aggregation counting(Aggregation query) {
        return Objects.requireNonNull(query, "query").toBuilder().count().build();
    }

    private long countIn(AggregationResult<Map<String, Object>> result) {
        if (!result.hasNext()) {
            return 0;
        }
        Object count = result.next().get("count");
        if (!(count instanceof Number number)) {
            throw new io.github.pendoclient.error.UnreadableResponseException(
                    "The count aggregation returned" + " no numeric 'count' but " + count + ".",
                    "POST",
                    http.url("api/v1/aggregation").encodedPath(),
                    result.attempts(),
                    "$.results[0].count",
                    null);
        }
        return number.longValue();
    }
}
