package io.github.pendoclient.aggregation;

import io.github.pendoclient.event.AggregationEnded;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the client's {@link PendoEventListener} once how one aggregation ended: read to its end, or failed (before
 * the response, or while its rows were read). A result closed early, before its end, is not reported.
 */
final class AggregationReport {

    private static final Logger LOG = LoggerFactory.getLogger(AggregationReport.class);

    private final PendoEventListener listener;
    private final TimeSource time;
    private final String source;
    private final long startNanos;
    private final AtomicBoolean reported = new AtomicBoolean();

    AggregationReport(PendoEventListener listener, TimeSource time, Aggregation query) {
        this.listener = listener;
        this.time = time;
        this.source = query.pipeline().source().map(Source::name).orElse("unknown");
        this.startNanos = time.nanoTime();
    }

    /** The result was read to its end. */
    void succeeded(long rows) {
        report(rows, true);
    }

    /** The request or the reading of its rows failed. */
    void failed(long rows) {
        report(rows, false);
    }

    private void report(long rows, boolean succeeded) {
        if (listener == PendoEventListener.NONE || !reported.compareAndSet(false, true)) {
            return;
        }
        Duration elapsed = Duration.ofNanos(time.nanoTime() - startNanos);
        try {
            listener.aggregationEnded(new AggregationEnded(source, rows, elapsed, succeeded));
        } catch (RuntimeException e) {
            LOG.warn("The event listener {} failed on aggregationEnded; the aggregation is not affected", listener, e);
        }
    }
}
