package io.github.pendoclient.connect.internal;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.resource.BulkUpdateOptions;
import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metadata rows through the SDK's bulk update, on one thread of the delivery: up to {@code batchSize} rows per
 * request, through the client's rate limit and retries. A batch Pendo rejects as a whole is bisected by the SDK's
 * split retries until the rejected rows are found; those, and rows of ids Pendo reports {@code missing} (without
 * {@code metadata.create}) or as failed, are rejected, the others accepted. A batch that fails transiently (a 429
 * storm, the network, 5xx after the client's retries) is sent again after a backoff, never failing the task: bulk
 * updates set values, so sending one twice changes nothing.
 */
public final class MetadataDelivery implements Delivery<MetadataRow> {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataDelivery.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How long the sending thread waits for more rows before it sends a batch that is not full. */
    static final long LINGER_MILLIS = 50;

    private record Item(Pending pending, MetadataRow row) {}

    private final PendoClient client;
    private final OkHttpClient okHttp;
    private final MetadataKind kind;
    private final String group;
    private final BulkUpdateOptions options;
    private final Outcomes outcomes;
    private final String credentialSetting;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    /**
     * Starts a delivery.
     *
     * @param client the client (rate limit, retries, key); closed with the delivery
     * @param okHttp the client's OkHttp client, whose calls {@link #close} cancels
     * @param kind visitors or accounts
     * @param group the metadata group
     * @param batchSize rows per request
     * @param create whether unknown ids are created
     * @param outcomes where outcomes go
     * @param credentialSetting the key's setting, for the fatal message
     */
    public MetadataDelivery(
            PendoClient client,
            OkHttpClient okHttp,
            MetadataKind kind,
            String group,
            int batchSize,
            boolean create,
            Outcomes outcomes,
            String credentialSetting) {
        this.client = client;
        this.okHttp = okHttp;
        this.kind = kind;
        this.group = group;
        this.options = BulkUpdateOptions.builder()
                .chunkSize(batchSize)
                .create(create)
                .splitRetries(true)
                .build();
        this.outcomes = outcomes;
        this.credentialSetting = credentialSetting;
        this.thread = new Thread(this::run, "pendo-sink-metadata-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void submit(Pending pending, MetadataRow row) {
        queue.add(new Item(pending, row));
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        try {
            while (!closing) {
                Item first = queue.poll(250, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                while (batch.size() < options.chunkSize()) {
                    Item next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                send(batch);
                batch.clear();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one batch until Pendo answered it, backing off between transient failures. */
    private void send(List<Item> batch) throws InterruptedException {
        Map<MetadataRow, Pending> byRow = new IdentityHashMap<>();
        List<MetadataRow> rows = new ArrayList<>(batch.size());
        for (Item item : batch) {
            byRow.put(item.row(), item.pending());
            rows.add(item.row());
        }
        for (int attempt = 1; !closing; attempt++) {
            BulkUpdateReport report;
            try {
                report = client.metadata().bulkUpdate(kind, group, rows, options);
            } catch (PendoException failure) {
                if (closing) {
                    return;
                }
                switch (Failures.classify(failure)) {
                    case FATAL -> {
                        outcomes.fatal(Failures.fatal(failure, credentialSetting));
                        closing = true;
                        return;
                    }
                    default -> {
                        Duration wait = Failures.backoff(attempt);
                        LOG.warn(
                                "A metadata bulk update of {} rows failed ({}); sending it again in {} ms",
                                rows.size(),
                                failure.getMessage(),
                                wait.toMillis());
                        Thread.sleep(wait.toMillis());
                        continue;
                    }
                }
            }
            settle(batch, byRow, report);
            return;
        }
    }

    private void settle(List<Item> batch, Map<MetadataRow, Pending> byRow, BulkUpdateReport report) {
        Map<Pending, String> rejected = new IdentityHashMap<>();
        for (BulkUpdateReport.RejectedRow row : report.rejected()) {
            Pending pending = byRow.get(row.row());
            if (pending != null) {
                rejected.put(
                        pending,
                        "Pendo rejected the row of " + kind.name().toLowerCase(java.util.Locale.ROOT) + " '"
                                + row.row().id() + "': " + row.reason());
            }
        }
        for (Item item : batch) {
            String id = item.row().id();
            if (report.missing().contains(id)) {
                rejected.putIfAbsent(
                        item.pending(),
                        "Pendo does not know the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + id
                                + "' (missing); set metadata.create=true to create it");
            }
            for (Object error : report.errors()) {
                String text = String.valueOf(error);
                if (text.startsWith(id + ":") || text.contains("\"" + id + "\"")) {
                    rejected.putIfAbsent(item.pending(), "Pendo failed the row of '" + id + "': " + text);
                }
            }
        }
        for (Item item : batch) {
            String reason = rejected.get(item.pending());
            if (reason == null) {
                outcomes.accepted(item.pending());
            } else {
                outcomes.rejected(item.pending(), reason);
            }
        }
    }

    @Override
    public void close(Duration timeout) {
        closing = true;
        thread.interrupt();
        okHttp.dispatcher().cancelAll();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
