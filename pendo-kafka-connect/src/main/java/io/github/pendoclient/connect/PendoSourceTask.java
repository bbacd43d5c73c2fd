package io.github.pendoclient.connect;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.paging.TimeWindow;
import io.github.pendoclient.connect.internal.Offsets;
import io.github.pendoclient.connect.internal.TableSchemas;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.ConnectHeaders;
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
    private final Object lock = new Object();
    private volatile boolean stopping;
    private PendoSourceConfig config;
    private PendoClient client;
    private SyncOptions settings;
    private List<TableCycle> cycles;
    private int next;

    /** Creates a task on the system clock; Connect calls this. */
    public PendoSourceTask() {
        this(Clock.systemUTC(), null);
    }

    PendoSourceTask(Clock clock, Waiter waiter) {
        this.clock = clock;
        this.waiter = waiter != null ? waiter : new Waiter() {
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
        PendoClient.Builder builder = PendoClient.builder()
                .integrationKey(config.integrationKey().value())
                .region(config.region())
                .rateLimit(RateLimitOptions.perSecond(config.requestsPerSecond() / taskCount))
                .applicationName("pendo-kafka-connect/" + Version.get());
        config.baseUrl().ifPresent(builder::baseUrl);
        client = builder.build();
        settings = SyncOptions.builder().appIds(config.appIds()).start(config.start(clock))
                .hourly(config.hourly()).windowSize(config.windowSize()).lag(config.lag()).clock(clock).build();

        cycles = new ArrayList<>();
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (String name : tables) {
            if (name.isBlank()) {
                continue;
            }
            Table table = TableRegistry.standard().get(name.trim());
            TableCycle cycle = new TableCycle(table, Offsets.partition(table.name(), config.appIds()),
                    new TableSchemas(table), config.topic(table.name()));
            cycles.add(cycle);
            partitions.add(cycle.partition);
        }
        Map<Map<String, Object>, Map<String, Object>> committed = context.offsetStorageReader().offsets(partitions);
        for (TableCycle cycle : cycles) {
            Map<String, Object> offset = committed == null ? null : committed.get(cycle.partition);
            cycle.checkpoint = Offsets.checkpoint(offset, cycle.table.cursorKind(), cycle.table.name());
            if (cycle.checkpoint.orElse(null) instanceof Checkpoint.Refreshed refreshed) {
                cycle.due = refreshed.syncedAt().plus(config.pollInterval());
            }
            LOG.info("Table {} into topic {}, resuming from {}", cycle.table.name(), cycle.topic,
                    cycle.checkpoint.map(Object::toString).orElse("the start"));
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping || cycles.isEmpty()) {
            return null;
        }
        for (int i = 0; i < cycles.size(); i++) {
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
        Instant now = clock.instant();
        Instant due = cycles.stream().map(c -> c.due).min(Instant::compareTo).orElse(now);
        Duration wait = Duration.between(now, due);
        waiter.await(wait.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : wait);
        return null;
    }

    /** A batch of a table's rows; opens the table's cycle when none runs, ends it when nothing is left. */
    private List<SourceRecord> read(TableCycle cycle) {
        List<SourceRecord> records = new ArrayList<>();
        try {
            if (cycle.reader == null) {
                cycle.started = clock.instant();
                cycle.reader = TableReader.open(cycle.table, cycle.checkpoint, client, settings);
            }
            while (records.size() < config.batchSize()) {
                Optional<TableReader.Item> item = cycle.reader.next();
                if (item.isEmpty()) {
                    cycle.checkpoint = cycle.reader.checkpoint().or(() -> cycle.checkpoint);
                    cycle.reader.close();
                    cycle.reader = null;
                    cycle.due = cycle.started.plus(config.pollInterval());
                    LOG.info("Table {}: cycle done, next at {}", cycle.table.name(), cycle.due);
                    break;
                }
                records.add(record(cycle, item.get()));
            }
            if (cycle.reader != null) {
                cycle.checkpoint = cycle.reader.checkpoint().or(() -> cycle.checkpoint);
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
            if (e instanceof PendoNetworkException) {
                // Read again from the last batch handed to Connect; the rows of this batch were not.
                throw new RetriableException(message, e);
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

    private SourceRecord record(TableCycle cycle, TableReader.Item item) {
        Map<String, Object> row = item.row();
        ConnectHeaders headers = new ConnectHeaders();
        if (row.get("appId") instanceof Number appId) {
            headers.addLong(HEADER_APP_ID, appId.longValue());
        } else if (config.appIds().size() == 1) {
            headers.addLong(HEADER_APP_ID, config.appIds().get(0));
        }
        TimeWindow window = item.window();
        if (window != null) {
            headers.addString(HEADER_WINDOW, window.start() + "/" + window.end());
        }
        Map<String, Object> offset = item.checkpoint().map(Offsets::offset)
                .orElseGet(() -> Offsets.refreshing(cycle.started));
        return new SourceRecord(cycle.partition, offset, cycle.topic, null,
                cycle.schemas.keySchema(), cycle.schemas.key(row),
                cycle.schemas.valueSchema(), cycle.schemas.value(row), null, headers);
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

    @Override
    public void stop() {
        stopping = true;
        waiter.wake();
        if (client != null) {
            client.close();
        }
    }

    /** The tables of this task, for tests. */
    Collection<String> tables() {
        return cycles.stream().map(c -> c.table.name()).toList();
    }

    /** One table's state in this task. */
    private static final class TableCycle {
        final Table table;
        final Map<String, Object> partition;
        final TableSchemas schemas;
        final String topic;
        Optional<Checkpoint> checkpoint = Optional.empty();
        Instant due = Instant.MIN;
        Instant started;
        TableReader reader;

        TableCycle(Table table, Map<String, Object> partition, TableSchemas schemas, String topic) {
            this.table = table;
            this.partition = new HashMap<>(partition);
            this.schemas = schemas;
            this.topic = topic;
        }
    }
}
