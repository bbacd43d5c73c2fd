package io.github.pendoclient.connect.internal;

import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.PushKind;
import io.github.pendoclient.sync.push.PushTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metadata rows through pendo-sync push's delivery seam ({@link PushTarget#update}, the SDK's bulk update with split
 * retries, {@code missing} ids and failed rows isolated), on one thread of the delivery: up to {@code batchSize}
 * rows per request, each id once per request (a repeated id starts the next batch, so later records win), through
 * the client's rate limit and retries. Rows of a partition the task gave up are dropped before they are sent. Rows
 * Pendo rejects or reports missing (without {@code metadata.create}) are rejected, the others accepted. A batch
 * that fails transiently (a 429 storm, the network, 5xx after the client's retries) is sent again after a backoff,
 * never failing the task: bulk updates set values, so a repeat changes nothing. The backoff waits on the given
 * {@link TimeSource} (the client's), so {@link #close} ends it by interrupting the thread and tests need no real wait.
 */
public final class MetadataDelivery implements Delivery<MetadataRow> {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataDelivery.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How long the sending thread waits for more rows before it sends a batch that is not full. */
    static final long LINGER_MILLIS = 50;

    private record Item(Pending pending, MetadataRow row) {}

    private final PushTarget target;
    private final PushKind kind;
    private final String group;
    private final int batchSize;
    private final boolean create;
    private final Outcomes outcomes;
    private final String credentialSetting;
    private final Runnable cancelCalls;
    private final TimeSource time;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private Item carried;
    private volatile boolean closing;

    /**
     * Starts a delivery.
     *
     * @param target where rows go (a {@code PendoTarget} over the task's client)
     * @param kind visitors or accounts
     * @param group the metadata group
     * @param batchSize rows per request
     * @param create whether unknown ids are created
     * @param outcomes where outcomes go
     * @param credentialSetting the key's setting, for the fatal message
     * @param cancelCalls cancels the client's calls in flight and releases it, for {@link #close}
     * @param time the clock of the backoff between sends of a batch; its sleep must end when the thread is interrupted
     */
    public MetadataDelivery(
            PushTarget target,
            PushKind kind,
            String group,
            int batchSize,
            boolean create,
            Outcomes outcomes,
            String credentialSetting,
            Runnable cancelCalls,
            TimeSource time) {
        this.target = target;
        this.kind = kind;
        this.group = group;
        this.batchSize = batchSize;
        this.create = create;
        this.outcomes = outcomes;
        this.credentialSetting = credentialSetting;
        this.cancelCalls = cancelCalls;
        this.time = time;
        this.thread = new Thread(this::run, "pendo-sink-metadata-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void submit(Pending pending, MetadataRow row) {
        queue.add(new Item(pending, row));
    }

    private void run() {
        try {
            while (!closing) {
                List<Item> batch = nextBatch();
                if (!batch.isEmpty()) {
                    send(batch);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Up to batchSize rows with distinct ids, waiting at most the linger time once the first arrived. */
    private List<Item> nextBatch() throws InterruptedException {
        List<Item> batch = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Item first = carried != null ? carried : queue.poll(250, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null || first.pending().settled()) {
            return batch;
        }
        batch.add(first);
        ids.add(first.row().id());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (batch.size() < batchSize) {
            Item next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (next.pending().settled()) {
                continue;
            }
            if (!ids.add(next.row().id())) {
                carried = next;
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** Sends one batch until Pendo answered it, backing off between transient failures. */
    private void send(List<Item> batch) throws InterruptedException {
        List<MetadataRow> rows = new ArrayList<>(batch.size());
        batch.forEach(item -> rows.add(item.row()));
        for (int attempt = 1; !closing; attempt++) {
            PushTarget.UpdateResult result;
            try {
                result = target.update(kind, group, rows, create);
            } catch (PendoException failure) {
                if (closing) {
                    return;
                }
                if (Failures.classify(failure) == Failures.Kind.FATAL) {
                    outcomes.fatal(Failures.fatal(failure, credentialSetting));
                    closing = true;
                    return;
                }
                Duration wait = Failures.backoff(attempt);
                LOG.warn(
                        "A metadata bulk update of {} rows failed ({}); sending it again in {} ms",
                        rows.size(),
                        failure.getMessage(),
                        wait.toMillis());
                time.sleep(wait);
                continue;
            }
            settle(batch, result);
            return;
        }
    }

    private void settle(List<Item> batch, PushTarget.UpdateResult result) {
        String who = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        Set<String> missing = new HashSet<>(result.missing());
        for (Item item : batch) {
            String id = item.row().id();
            String reason = result.rejected().get(id);
            if (reason != null) {
                outcomes.rejected(item.pending(), "Pendo rejected the row of " + who + " '" + id + "': " + reason);
            } else if (missing.contains(id)) {
                outcomes.rejected(
                        item.pending(),
                        "Pendo does not know the " + who + " '" + id + "' (missing); set metadata.create=true to"
                                + " create it");
            } else {
                outcomes.accepted(item.pending());
            }
        }
    }

    @Override
    public void close(Duration timeout) {
        closing = true;
        thread.interrupt();
        cancelCalls.run();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
