package io.github.pendoclient.micrometer;

import io.github.pendoclient.event.AggregationEnded;
import io.github.pendoclient.event.AttemptEnded;
import io.github.pendoclient.event.CallEnded;
import io.github.pendoclient.event.Endpoint;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.RateLimitWaited;
import io.github.pendoclient.event.RetryScheduled;
import io.github.pendoclient.event.SyncTableEnded;
import io.github.pendoclient.event.TrackSenderEvent;
import io.github.pendoclient.track.TrackSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the SDK's events as Micrometer meters: give it to a client builder as its event listener, and bind each
 * {@link TrackSender} whose queue you want to watch. Thread-safe; one per registry is enough for every client.
 *
 * <pre>{@code
 * PendoMeterBinder metrics = PendoMeterBinder.create(registry);
 * PendoClient client = PendoClient.builder().integrationKey(key).eventListener(metrics).build();
 * metrics.bindSender(sender, "default");
 * }</pre>
 *
 * <p>The meters are named in {@link PendoMeterNames}. Tags are endpoint templates ({@code /api/v1/visitor/{id}}),
 * methods, status classes ({@code 2xx}), outcomes, retry and drop reasons, aggregation sources, table names and the
 * sender names you choose: few values each, and never an id, a payload or a credential.
 */
public final class PendoMeterBinder implements PendoEventListener {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> dataThrough = new ConcurrentHashMap<>();
    // The meters of the events that come with every call and every track event, found once per tag combination
    // instead of building an id and looking it up in the registry each time.
    private final Map<CallKey, Timer> calls = new ConcurrentHashMap<>();
    private final Map<AttemptKey, Timer> attempts = new ConcurrentHashMap<>();
    private final Map<SenderKey, Counter> senderEvents = new ConcurrentHashMap<>();

    private record CallKey(Endpoint endpoint, String status, String outcome, String error) {}

    private record AttemptKey(Endpoint endpoint, String status) {}

    private record SenderKey(TrackSenderEvent.Kind kind, String reason) {}

    private PendoMeterBinder(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A binder recording into a registry.
     *
     * @param registry where the meters go
     * @return the binder, to set as a client's or sync engine's event listener
     */
    public static PendoMeterBinder create(MeterRegistry registry) {
        return new PendoMeterBinder(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Registers gauges for a sender's queue depth and events in flight, read from its
     * {@link TrackSender#stats()} when the registry is scraped. The registry holds the sender weakly: a sender that
     * is no longer used is not kept alive by its gauges.
     *
     * @param sender the sender
     * @param name a short name for the {@code sender} tag, for example {@code "default"}; not a secret or an id
     * @throws IllegalArgumentException if the name is blank
     */
    public void bindSender(TrackSender sender, String name) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("The sender's name is a tag value and must not be blank; pass a short"
                    + " name such as \"default\".");
        }
        Gauge.builder(PendoMeterNames.SENDER_QUEUE_DEPTH, sender, s -> s.stats().queueDepth())
                .description("Track events waiting in the sender's queue")
                .tag("sender", name)
                .register(registry);
        Gauge.builder(PendoMeterNames.SENDER_IN_FLIGHT, sender, s -> s.stats().inFlight())
                .description("Track events the sender is sending now")
                .tag("sender", name)
                .register(registry);
    }

    @Override
    public void callEnded(CallEnded event) {
        CallKey key = new CallKey(event.endpoint(), event.statusClass(), outcome(event), event.errorType());
        calls.computeIfAbsent(
                        key,
                        k -> Timer.builder(PendoMeterNames.REQUESTS)
                                .description("Calls to Pendo, retries and waits included")
                                .tags(endpointTags(k.endpoint()))
                                .tag("status", k.status())
                                .tag("outcome", k.outcome())
                                .tag("error", k.error())
                                .register(registry))
                .record(event.elapsed());
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        attempts.computeIfAbsent(
                        new AttemptKey(event.endpoint(), event.statusClass()),
                        k -> Timer.builder(PendoMeterNames.ATTEMPTS)
                                .description("Single attempts of calls to Pendo")
                                .tags(endpointTags(k.endpoint()))
                                .tag("status", k.status())
                                .register(registry))
                .record(event.elapsed());
        if (event.statusCode() == 429) {
            Counter.builder(PendoMeterNames.RATE_LIMITED)
                    .description("429 Too Many Requests answers from Pendo")
                    .tags(endpointTags(event.endpoint()))
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        Counter.builder(PendoMeterNames.RETRIES)
                .description("Attempts sent again after a transient failure")
                .tags(endpointTags(event.endpoint()))
                .tag("reason", event.reason().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public void rateLimitWaited(RateLimitWaited event) {
        Timer.builder(PendoMeterNames.RATE_LIMIT_WAIT)
                .description("Waits for the client-side rate limit")
                .tags(endpointTags(event.endpoint()))
                .register(registry)
                .record(event.delay());
    }

    @Override
    public void trackSender(TrackSenderEvent event) {
        senderEvents
                .computeIfAbsent(
                        new SenderKey(event.kind(), event.reason()),
                        k -> Counter.builder(PendoMeterNames.SENDER_EVENTS)
                                .description("Track events queued, delivered, dropped or failed")
                                .baseUnit("events")
                                .tag("kind", k.kind().name().toLowerCase(Locale.ROOT))
                                .tag("reason", k.reason())
                                .register(registry))
                .increment(event.count());
    }

    @Override
    public void aggregationEnded(AggregationEnded event) {
        String outcome = event.succeeded() ? "SUCCESS" : "FAILURE";
        DistributionSummary.builder(PendoMeterNames.AGGREGATION_ROWS)
                .description("Rows read per aggregation")
                .baseUnit("rows")
                .tag("source", event.source())
                .tag("outcome", outcome)
                .register(registry)
                .record(event.rows());
        Timer.builder(PendoMeterNames.AGGREGATION_DURATION)
                .description("Aggregations from the query to the last row")
                .tag("source", event.source())
                .tag("outcome", outcome)
                .register(registry)
                .record(event.elapsed());
    }

    @Override
    public void syncTableEnded(SyncTableEnded event) {
        String table = event.table();
        Timer.builder(PendoMeterNames.SYNC_TABLE_DURATION)
                .description("Sync runs of a table")
                .tag("table", table)
                .tag("outcome", event.succeeded() ? "SUCCESS" : "FAILURE")
                .register(registry)
                .record(event.elapsed());
        Counter.builder(PendoMeterNames.SYNC_TABLE_ROWS)
                .description("Rows written by sync runs of a table")
                .baseUnit("rows")
                .tag("table", table)
                .register(registry)
                .increment(event.rows());
        if (event.succeeded()) {
            timeGauge(lastSuccess, PendoMeterNames.SYNC_TABLE_LAST_SUCCESS, "When the table last synced", table)
                    .set(registry.config().clock().wallTime());
        }
        event.dataThrough()
                .ifPresent(through -> timeGauge(
                                dataThrough,
                                PendoMeterNames.SYNC_TABLE_DATA_THROUGH,
                                "The time the table's data is complete through",
                                table)
                        .set(through.toEpochMilli()));
    }

    /** The table's gauge of a time, in milliseconds, registered on first use and reported in seconds. */
    private AtomicLong timeGauge(Map<String, AtomicLong> gauges, String name, String description, String table) {
        return gauges.computeIfAbsent(table, t -> {
            AtomicLong millis = new AtomicLong();
            Gauge.builder(name, millis, m -> m.get() / 1000.0)
                    .description(description)
                    .baseUnit("seconds")
                    .tag("table", t)
                    .strongReference(true)
                    .register(registry);
            return millis;
        });
    }

    private static Tags endpointTags(Endpoint endpoint) {
        return Tags.of("method", endpoint.method(), "endpoint", endpoint.template());
    }

    private static String outcome(CallEnded event) {
        if (event.succeeded()) {
            return "SUCCESS";
        }
        int status = event.statusCode();
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        return status >= 500 && status < 600 ? "SERVER_ERROR" : "UNKNOWN";
    }

    @Override
    public String toString() {
        return "PendoMeterBinder[" + registry.getClass().getSimpleName() + "]";
    }
}
