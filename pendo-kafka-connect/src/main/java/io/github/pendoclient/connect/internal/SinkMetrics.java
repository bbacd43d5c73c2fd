package io.github.pendoclient.connect.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink task's counters, also registered as the task's plugin metrics (Kafka 4.1 and later, in the worker's JMX
 * under {@code kafka.connect:type=plugins}): records accepted, dead-lettered, possible duplicates (sent again after
 * an answer was lost), records Connect redelivered that the task had already taken, records buffered, and how many
 * times a full buffer made Connect redeliver a batch.
 */
public final class SinkMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(SinkMetrics.class);

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong possibleDuplicates = new AtomicLong();
    private final AtomicLong backpressure = new AtomicLong();
    private final List<MetricName> registered = new ArrayList<>();
    private PluginMetrics plugin;

    /** Counters at zero. */
    public SinkMetrics() {}

    /**
     * Registers the gauges with the worker, when it offers plugin metrics.
     *
     * @param context the task's context
     * @param tracker the task's offsets, for buffered and redelivered records
     */
    public void register(SinkTaskContext context, OffsetTracker tracker) {
        try {
            plugin = context.pluginMetrics();
        } catch (RuntimeException | LinkageError unsupported) {
            LOG.debug("The worker offers no plugin metrics; the counters are logged at stop only", unsupported);
            return;
        }
        if (plugin == null) {
            return;
        }
        gauge("accepted-records", "Records Pendo accepted", accepted::get);
        gauge("dead-lettered-records", "Records sent to the dead letter queue or skipped", deadLettered::get);
        gauge("possible-duplicates", "Records Pendo may have received twice", possibleDuplicates::get);
        gauge("redelivered-records", "Records Connect redelivered that the task had taken", tracker::redelivered);
        gauge("buffered-records", "Records waiting for Pendo", tracker::outstanding);
        gauge("backpressure-redeliveries", "Batches refused by a full buffer", backpressure::get);
    }

    private void gauge(String name, String description, LongSupplier value) {
        MetricName metric = plugin.metricName(name, description, new LinkedHashMap<>());
        plugin.addMetric(metric, (Gauge<Long>) (config, now) -> value.getAsLong());
        registered.add(metric);
    }

    /** Removes the gauges. */
    public void close() {
        if (plugin != null) {
            registered.forEach(plugin::removeMetric);
            registered.clear();
        }
    }

    /**
     * Counts accepted records.
     *
     * @param count how many
     */
    public void accepted(long count) {
        accepted.addAndGet(count);
    }

    /** Counts one dead-lettered record. */
    public void deadLettered() {
        deadLettered.incrementAndGet();
    }

    /**
     * Counts possible duplicates.
     *
     * @param count how many
     */
    public void possibleDuplicates(long count) {
        possibleDuplicates.addAndGet(count);
    }

    /** Counts one batch a full buffer refused. */
    public void backpressure() {
        backpressure.incrementAndGet();
    }

    /**
     * Records accepted so far.
     *
     * @return the count
     */
    public long accepted() {
        return accepted.get();
    }

    /**
     * Records dead-lettered so far.
     *
     * @return the count
     */
    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /**
     * Possible duplicates so far.
     *
     * @return the count
     */
    public long possibleDuplicates() {
        return possibleDuplicates.get();
    }
}
