package io.github.pendoclient.connect;

import io.github.pendoclient.connect.internal.Delivery;
import io.github.pendoclient.connect.internal.OffsetTracker;
import io.github.pendoclient.connect.internal.Outcomes;
import io.github.pendoclient.connect.internal.Pending;
import io.github.pendoclient.connect.internal.SinkDeliveries;
import io.github.pendoclient.connect.internal.SinkMetrics;
import io.github.pendoclient.connect.internal.UnmappableRecordException;
import io.github.pendoclient.connect.internal.Version;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns its share of the topics' partitions into Pendo track events or metadata updates (see
 * {@link PendoSinkConnector}). {@code put()} maps each record and hands it to a bounded background delivery, which
 * batches per Pendo's request limits and sends through the SDK's rate limit and retries; it returns at once unless
 * {@code max.buffered.records} are still waiting for Pendo, and then waits at most {@link #PUT_WAIT} before it asks
 * Connect to pause and redeliver the batch later ({@link RetriableException} with a timeout), so a 429 storm slows
 * the task and never blocks the worker for long nor fails it.
 *
 * <p>{@code preCommit} commits, per partition, only up to the first record Pendo has not accepted (or that has not
 * gone to the dead letter queue), so a crash re-sends at most that tail: delivery is at least once, and the
 * re-sent records carry the same unique event id. A record that cannot be mapped, or that Pendo rejects, goes to
 * Connect's errant record reporter with the reason, or, with {@code errors.tolerance=none}, fails the task with a
 * message naming its topic, partition and offset.
 */
public final class PendoSinkTask extends SinkTask {

    /** Task setting: how many tasks share the request budget (set by the connector). */
    static final String TASK_COUNT = "pendo.task.count";
    /** How long {@code put()} waits for room in the buffer before it asks Connect to redeliver later. */
    static final Duration PUT_WAIT = Duration.ofMillis(500);
    /** How long Connect waits before it redelivers a batch the full buffer refused. */
    static final Duration REDELIVERY_BACKOFF = Duration.ofSeconds(1);
    /** How long {@link #stop()} waits for the delivery's threads once their waits were ended. */
    static final Duration STOP_WAIT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(PendoSinkTask.class);

    private final OffsetTracker tracker = new OffsetTracker();
    private final ConcurrentLinkedQueue<Rejection> rejections = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ConnectException> fatal = new AtomicReference<>();
    private final SinkMetrics metrics = new SinkMetrics();
    private PendoSinkConfig config;
    private int capacity;
    private boolean tolerateAll;
    private ErrantRecordReporter reporter;
    private Function<SinkRecord, Object> mapper;
    private Delivery<Object> delivery;

    private record Rejection(Pending pending, String reason) {}

    /** Creates a task; Connect calls this. */
    public PendoSinkTask() {}

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PendoSinkConfig(props);
        capacity = config.getInt(PendoSinkConfig.MAX_BUFFERED_RECORDS);
        tolerateAll = "all"
                .equalsIgnoreCase(props.getOrDefault("errors.tolerance", "none").trim());
        reporter = errantRecordReporter();
        int tasks = Integer.parseInt(props.getOrDefault(TASK_COUNT, "1"));
        SinkDeliveries.Started started = SinkDeliveries.start(config, tasks, new TaskOutcomes());
        mapper = started.mapper();
        delivery = started.delivery();
        if (context != null) {
            metrics.register(context, tracker);
        }
        LOG.info(
                "Pendo sink task started: mode {}, {} task(s), up to {} records buffered, errors.tolerance={}{}",
                config.getString(PendoSinkConfig.MODE),
                tasks,
                capacity,
                tolerateAll ? "all" : "none",
                tolerateAll && reporter == null ? " (no dead letter queue: bad records are logged and skipped)" : "");
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError oldWorker) {
            return null;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        failIfFatal();
        settleRejections();
        if (!records.isEmpty() && tracker.outstanding() >= capacity) {
            boolean room;
            try {
                room = tracker.awaitBelow(capacity, PUT_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                room = false;
            }
            settleRejections();
            if (!room) {
                metrics.backpressure();
                if (context != null) {
                    context.timeout(REDELIVERY_BACKOFF.toMillis());
                }
                throw new RetriableException(tracker.outstanding() + " records are still waiting for Pendo (more than "
                        + PendoSinkConfig.MAX_BUFFERED_RECORDS + "=" + capacity + "); Connect redelivers this batch"
                        + " in " + REDELIVERY_BACKOFF.toMillis() + " ms");
            }
        }
        for (SinkRecord record : records) {
            Pending pending = tracker.add(record);
            if (pending == null) {
                continue;
            }
            Object payload;
            try {
                payload = mapper.apply(record);
            } catch (UnmappableRecordException e) {
                bad(pending, "the record cannot be mapped: " + e.getMessage());
                continue;
            }
            delivery.submit(pending, payload);
        }
    }

    /** Reports records the delivery rejected; only the task thread may call the errant record reporter. */
    private void settleRejections() {
        for (Rejection rejection = rejections.poll(); rejection != null; rejection = rejections.poll()) {
            if (!rejection.pending().settled()) {
                bad(rejection.pending(), rejection.reason());
            }
        }
    }

    private void bad(Pending pending, String reason) {
        if (!tolerateAll) {
            ConnectException failure = new ConnectException("The record at " + pending.where() + " was not delivered"
                    + " to Pendo: " + reason + ". With errors.tolerance=none the task stops here; set"
                    + " errors.tolerance=all and errors.deadletterqueue.topic.name to route such records to a dead"
                    + " letter queue and go on");
            fatal.compareAndSet(null, failure);
            throw failure;
        }
        if (reporter != null) {
            reporter.report(pending.record(), new ConnectException(reason));
        } else {
            LOG.warn("Skipping the record at {}: {} (no dead letter queue configured)", pending.where(), reason);
        }
        metrics.deadLettered();
        tracker.settle(pending);
    }

    private void failIfFatal() {
        ConnectException failure = fatal.get();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The offsets of the records Pendo accepted (or that went to the dead letter queue), per partition up to the
     * first that is still waiting; never those of records still on their way.
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        failIfFatal();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(tracker.committable());
        offsets.keySet().retainAll(currentOffsets.keySet());
        return offsets;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        tracker.forget(partitions);
    }

    /** Ends the delivery's waits (rate limits, {@code Retry-After}, backoffs) and returns within seconds. */
    @Override
    public void stop() {
        if (delivery != null) {
            delivery.close(STOP_WAIT);
        }
        metrics.close();
        LOG.info(
                "Pendo sink task stopped: {} accepted, {} dead-lettered, {} possible duplicates, {} redelivered"
                        + " records skipped, {} left for the next owner",
                metrics.accepted(),
                metrics.deadLetteredCount(),
                metrics.possibleDuplicates(),
                tracker.redelivered(),
                tracker.outstanding());
    }

    /** Outcomes from the delivery's threads: settle, queue for the task thread, or remember the failure. */
    private final class TaskOutcomes implements Outcomes {
        @Override
        public void accepted(Pending pending) {
            metrics.accepted(1);
            tracker.settle(pending);
        }

        @Override
        public void rejected(Pending pending, String reason) {
            rejections.add(new Rejection(pending, reason));
        }

        @Override
        public void fatal(ConnectException failure) {
            fatal.compareAndSet(null, failure);
        }

        @Override
        public void possibleDuplicates(long count) {
            metrics.possibleDuplicates(count);
        }
    }
}
