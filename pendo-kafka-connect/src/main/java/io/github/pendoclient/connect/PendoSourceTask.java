package io.github.pendoclient.connect;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.IncompleteResultException;
import io.github.pendoclient.connect.internal.Offsets;
import io.github.pendoclient.connect.internal.Version;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableReader;
import io.github.pendoclient.sync.TableRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads its share of the tables (see {@link PendoSourceConnector}), a batch at a time, round-robin between its
 * tables. A table's cycle runs until it has nothing new; the table then waits {@code poll.interval.ms} from the
 * cycle's start and reads again from where it stood: new keyset positions, new time windows, a fresh catalog.
 *
 * <p>Each task builds its own client with the connector's per-endpoint budget divided by the number of tasks, so
 * the connector as a whole stays within Pendo's limit; a 429 pauses that endpoint for the task as the SDK does.
 * The reading runs on a thread of the task, so {@code poll()} returns within about a second while the client waits
 * out a rate limit, and {@link #stop()} ends those waits. A network failure, also one that broke off an
 * aggregation result, is a {@link RetriableException}: the table is read again from its last handed-over batch
 * after a backoff.
 */
public final class PendoSourceTask extends SourceTask {

    /** Task setting: the tables of this task, comma-separated (set by the connector). */
    static final String TASK_TABLES = "pendo.task.tables";
    /** Task setting: how many tasks share the request budget (set by the connector). */
    static final String TASK_COUNT = "pendo.task.count";

    /** Header: the app id of the row (or of the connector, when it reads one app). */
    public static final String HEADER_APP_ID = "pendo.app_id";
    /** Header: the event window of the row, {@code start/end} as ISO instants. */
    public static final String HEADER_WINDOW = "pendo.window";

    private static final Logger LOG = LoggerFactory.getLogger(PendoSourceTask.class);

    /**
     * How long one {@code poll()} waits for the reader thread at most: Connect stops a task only between polls
     * (and calls {@link #stop()} on the polling thread after the last), so a poll that waited out a 429 would hold
     * the stop past the worker's grace period ({@code task.shutdown.graceful.timeout.ms}, 5 s by default).
     */
    static final Duration POLL_WAIT = Duration.ofSeconds(1);
    /** The wait before a table is read again after its first retriable failure; it doubles up to the cap. */
    static final Duration FIRST_RETRY_BACKOFF = Duration.ofSeconds(1);
    /** The longest wait before a table is read again after retriable failures. */
    static final Duration MAX_RETRY_BACKOFF = Duration.ofMinutes(5);
    /** How long {@link #stop()} waits for the reader thread to end once every wait was woken. */
    static final Duration STOP_WAIT = Duration.ofSeconds(3);
    /** The name prefix of the task's reader thread, followed by the connector's name and a number. */
    static final String THREAD_PREFIX = "pendo-source-";

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How the task waits when no table is due; tests replace it. */
    interface Waiter {
        /**
         * Waits up to {@code duration} or until woken.
         *
         * @param duration the longest wait
         * @throws InterruptedException if interrupted
         */
        void await(Duration duration) throws InterruptedException;

        /** Ends a wait early. */
        void wake();
    }

    private final Clock clock;
    private final Waiter waiter;
    private final Duration pollWait;
    private final Object lock = new Object();
    private volatile boolean stopping;
    private PendoSourceConfig config;
    private OkHttpClient okHttp;
    private PendoClient client;
    private ExecutorService reader;
    /** The batch the reader thread is reading; only the polling thread sets it, stop() may cancel it. */
    private volatile Future<List<SourceRecord>> pending;

    private SyncOptions settings;
    private List<TableCycle> cycles;
    private int next;

    /** Creates a task on the system clock; Connect calls this. */
    public PendoSourceTask() {
        this(Clock.systemUTC(), null, POLL_WAIT);
    }

    /**
     * A task on the given clock.
     *
     * @param clock the clock of poll intervals and retry backoffs
     * @param waiter how poll() waits when no table is due; null for a wait that stop() ends
     * @param pollWait how long one poll() waits for a batch being read before it returns null
     */
    PendoSourceTask(Clock clock, Waiter waiter, Duration pollWait) {
        this.clock = clock;
        this.pollWait = pollWait;
        this.waiter = waiter != null
                ? waiter
                : new Waiter() {
                    @Override
                    public void await(Duration duration) throws InterruptedException {
                        synchronized (lock) {
                            if (!stopping) {
                                lock.wait(Math.max(1, duration.toMillis()));
                            }
                        }
                    }

                    @Override
                    public void wake() {
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                };
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PendoSourceConfig(props);
        int taskCount = Integer.parseInt(props.getOrDefault(TASK_COUNT, "1"));
        List<String> tables = List.of(props.getOrDefault(TASK_TABLES, "").split(","));
        // The task's own OkHttp client, so that stop() can cancel a call blocked on the network.
        okHttp = new OkHttpClient();
        PendoClient.Builder builder = PendoClient.builder()
                .okHttpClient(okHttp)
                .integrationKey(config.integrationKey().value())
                .region(config.region())
                .rateLimit(RateLimitOptions.perSecond(config.requestsPerSecond() / taskCount))
                .applicationName("pendo-kafka-connect/" + Version.get());
        config.baseUrl().ifPresent(builder::baseUrl);
        client = builder.build();
        String thread = THREAD_PREFIX + props.getOrDefault("name", "task") + "-" + THREADS.incrementAndGet();
        reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, thread);
            t.setDaemon(true);
            return t;
        });
        settings = SyncOptions.builder()
                .appIds(config.appIds())
                .start(config.start(clock))
                .hourly(config.hourly())
                .windowSize(config.windowSize())
                .lag(config.lag())
                .clock(clock)
                .build();

        cycles = new ArrayList<>();
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (String name : tables) {
            if (name.isBlank()) {
                continue;
            }
            Table table = TableRegistry.standard().get(name.trim());
            TableCycle cycle =
                    new TableCycle(table, Offsets.partition(table.name(), config.appIds()), config.topic(table.name()));
            cycles.add(cycle);
            partitions.add(cycle.partition);
        }
        Map<Map<String, Object>, Map<String, Object>> committed =
                context.offsetStorageReader().offsets(partitions);
        for (TableCycle cycle : cycles) {
            Map<String, Object> offset = committed == null ? null : committed.get(cycle.partition);
            cycle.resume(offset);
            if (cycle.checkpoint.orElse(null) instanceof Checkpoint.Refreshed refreshed) {
                cycle.due = refreshed.syncedAt().plus(config.pollInterval());
            }
            LOG.info(
                    "Table {} into topic {}, resuming from {}",
                    cycle.table.name(),
                    cycle.topic,
                    cycle.checkpoint.map(Object::toString).orElse("the start"));
        }
    }

    /**
     * A batch of records, or null when none is ready. The reading happens on the task's reader thread, where the
     * client waits out rate limits, {@code Retry-After} and retry backoffs; this method waits for it at most about
     * a second, so Connect can stop the task at any time and {@link #stop()} then ends every wait.
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping || cycles.isEmpty()) {
            return null;
        }
        Future<List<SourceRecord>> batch = pending;
        if (batch == null) {
            Instant now = clock.instant();
            Optional<Instant> due = nextDue();
            if (due.isPresent() && due.get().isAfter(now)) {
                Duration wait = Duration.between(now, due.get());
                waiter.await(wait.compareTo(POLL_WAIT) > 0 ? POLL_WAIT : wait);
                return null;
            }
            try {
                batch = reader.submit(this::readDueTables);
            } catch (RejectedExecutionException e) {
                return null; // stopped meanwhile
            }
            pending = batch;
        }
        try {
            List<SourceRecord> records = batch.get(pollWait.toNanos(), TimeUnit.NANOSECONDS);
            pending = null;
            return records.isEmpty() ? null : records;
        } catch (TimeoutException stillReading) {
            return null;
        } catch (CancellationException stopped) {
            pending = null;
            return null;
        } catch (ExecutionException e) {
            pending = null;
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ConnectException(e.getCause());
        }
    }

    /** When the next table is due: empty when one is reading (due at once). */
    private Optional<Instant> nextDue() {
        Instant due = null;
        for (TableCycle cycle : cycles) {
            if (cycle.reader != null) {
                return Optional.empty();
            }
            if (due == null || cycle.due.isBefore(due)) {
                due = cycle.due;
            }
        }
        return Optional.ofNullable(due);
    }

    /** On the reader thread: a batch from the first due table that has rows, round-robin; empty when none has. */
    private List<SourceRecord> readDueTables() {
        for (int i = 0; i < cycles.size() && !stopping; i++) {
            TableCycle cycle = cycles.get((next + i) % cycles.size());
            if (cycle.reader == null && clock.instant().isBefore(cycle.due)) {
                continue;
            }
            List<SourceRecord> records = read(cycle);
            if (!records.isEmpty()) {
                next = (next + i + 1) % cycles.size();
                return records;
            }
        }
        return List.of();
    }

    /** A batch of a table's rows; opens the table's cycle when none runs, ends it when nothing is left. */
    private List<SourceRecord> read(TableCycle cycle) {
        List<SourceRecord> records = new ArrayList<>();
        try {
            if (cycle.reader == null) {
                cycle.started = clock.instant();
                cycle.refreshFields(client, config.metadataColumns());
                cycle.reader = TableReader.open(cycle.table, cycle.checkpoint, client, settings);
            }
            while (records.size() < config.batchSize() && !stopping) {
                Optional<TableReader.Item> item = cycle.reader.next();
                if (item.isEmpty()) {
                    cycle.checkpoint = cycle.reader.checkpoint().or(() -> cycle.checkpoint);
                    cycle.reader.close();
                    cycle.reader = null;
                    cycle.due = cycle.started.plus(config.pollInterval());
                    cycle.failures = 0;
                    LOG.info("Table {}: cycle done, next at {}", cycle.table.name(), cycle.due);
                    break;
                }
                records.add(cycle.record(item.get(), config.appIds()));
            }
            if (cycle.reader != null) {
                cycle.checkpoint = cycle.reader.checkpoint().or(() -> cycle.checkpoint);
            }
            if (!records.isEmpty()) {
                cycle.failures = 0;
            }
            return records;
        } catch (PendoException e) {
            if (cycle.reader != null) {
                cycle.reader.close();
                cycle.reader = null;
            }
            if (stopping) {
                return List.of();
            }
            String message = explain(cycle.table.name(), e);
            if (retriable(e)) {
                // Read again from the last batch handed to Connect (the rows of this batch were not), after a
                // backoff on the task's clock: Connect polls again at once after a RetriableException.
                Duration backoff = backoff(cycle.failures++);
                cycle.due = clock.instant().plus(backoff);
                throw new RetriableException(
                        message + " Reading " + cycle.table.name() + " again in " + backoff.toSeconds()
                                + " s from the last batch handed to Connect.",
                        e);
            }
            throw new ConnectException(message, e);
        } catch (RuntimeException e) {
            if (cycle.reader != null) {
                cycle.reader.close();
                cycle.reader = null;
            }
            if (stopping) {
                return List.of();
            }
            throw new ConnectException(cycle.table.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a failure is worth reading the table again for: a network failure, alone or as the cause of an
     * aggregation result that broke off. A row that could not be read would break off again.
     *
     * @param e the failure
     * @return true when the task should retry the table after a backoff
     */
    static boolean retriable(PendoException e) {
        Throwable failure = e instanceof IncompleteResultException ? e.getCause() : e;
        return failure instanceof PendoNetworkException;
    }

    /** 1 s, 2 s, 4 s, ... up to 5 min, by the number of failures before this one. */
    static Duration backoff(int failuresBefore) {
        Duration backoff = FIRST_RETRY_BACKOFF.multipliedBy(1L << Math.min(failuresBefore, 20));
        return backoff.compareTo(MAX_RETRY_BACKOFF) > 0 ? MAX_RETRY_BACKOFF : backoff;
    }

    static String explain(String table, PendoException e) {
        if (e instanceof AuthenticationException) {
            return table + ": Pendo rejected the integration key (HTTP 401). Check " + PendoSourceConfig.INTEGRATION_KEY
                    + " and that " + PendoSourceConfig.REGION + " is the subscription's region, then restart the"
                    + " connector.";
        }
        if (e instanceof PermissionDeniedException) {
            return table + ": this key may not read it (HTTP 403); aggregations need a key with \"Allow Write"
                    + " Access\". Use such a key, or leave the table out of " + PendoSourceConfig.TABLES + ".";
        }
        return table + ": " + e.getMessage();
    }

    /**
     * Ends every wait of the reader thread and waits for it to end, a few seconds at most: the thread is
     * interrupted (which ends a rate-limit, {@code Retry-After} or retry-backoff wait of the client) and the calls
     * under way are cancelled (which ends a read blocked on the network). Connect 4 calls this on the polling
     * thread once the last poll returned; it may also come from another thread while a poll runs.
     */
    @Override
    public void stop() {
        stopping = true;
        waiter.wake();
        Future<List<SourceRecord>> batch = pending;
        if (batch != null) {
            batch.cancel(true);
        }
        if (okHttp != null) {
            okHttp.dispatcher().cancelAll();
        }
        if (reader != null) {
            reader.shutdownNow();
            try {
                if (!reader.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn(
                            "The reader thread of tables {} did not end within {} s of the stop",
                            tables(),
                            STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (client != null) {
            client.close();
        }
        if (okHttp != null) {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    /** The tables of this task, for tests. */
    Collection<String> tables() {
        return cycles.stream().map(c -> c.table.name()).toList();
    }
}
