package io.github.pendoclient.micrometer;

/**
 * The names of the meters {@link PendoMeterBinder} records, in Micrometer's dotted style; a Prometheus registry
 * writes them with underscores and a unit suffix ({@code pendo.client.requests} becomes
 * {@code pendo_client_requests_seconds}).
 */
public final class PendoMeterNames {

    /** Timer of calls, waits and retries included; tags {@code method}, {@code endpoint}, {@code status},
     * {@code outcome}, {@code error}. */
    public static final String REQUESTS = "pendo.client.requests";

    /** Timer of single attempts on the wire; tags {@code method}, {@code endpoint}, {@code status}. */
    public static final String ATTEMPTS = "pendo.client.attempts";

    /** Counter of attempts sent again; tags {@code method}, {@code endpoint}, {@code reason}. */
    public static final String RETRIES = "pendo.client.retries";

    /** Counter of 429 Too Many Requests answers; tags {@code method}, {@code endpoint}. */
    public static final String RATE_LIMITED = "pendo.client.rate.limited";

    /** Timer of waits for the client-side rate limit; tags {@code method}, {@code endpoint}. */
    public static final String RATE_LIMIT_WAIT = "pendo.client.rate.limit.wait";

    /** Counter of track events by what happened to them; tags {@code kind}, {@code reason}. */
    public static final String SENDER_EVENTS = "pendo.track.sender.events";

    /** Gauge of events waiting in a bound sender's queue; tag {@code sender}. */
    public static final String SENDER_QUEUE_DEPTH = "pendo.track.sender.queue.depth";

    /** Gauge of events a bound sender is sending now; tag {@code sender}. */
    public static final String SENDER_IN_FLIGHT = "pendo.track.sender.in.flight";

    /** Distribution summary of rows per aggregation; tags {@code source}, {@code outcome}. */
    public static final String AGGREGATION_ROWS = "pendo.aggregation.rows";

    /** Timer of aggregations from query to last row; tags {@code source}, {@code outcome}. */
    public static final String AGGREGATION_DURATION = "pendo.aggregation.duration";

    /** Timer of sync tables; tags {@code table}, {@code outcome}. */
    public static final String SYNC_TABLE_DURATION = "pendo.sync.table.duration";

    /** Counter of rows written by sync tables; tag {@code table}. */
    public static final String SYNC_TABLE_ROWS = "pendo.sync.table.rows";

    /** Gauge of the time of a table's last successful sync, in seconds since the epoch; tag {@code table}. */
    public static final String SYNC_TABLE_LAST_SUCCESS = "pendo.sync.table.last.success";

    /** Gauge of the time a table's data is complete through, in seconds since the epoch; tag {@code table}. */
    public static final String SYNC_TABLE_DATA_THROUGH = "pendo.sync.table.data.through";

    private PendoMeterNames() {}
}
