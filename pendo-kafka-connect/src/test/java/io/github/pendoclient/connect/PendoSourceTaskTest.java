package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.IncompleteResultException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task against FakePendo, without Kafka: what it delivers, how it resumes, what a second cycle adds. */
class PendoSourceTaskTest {

    private static final Instant END = Instant.parse("2026-11-10T00:00:00Z");
    private static final Dataset DATASET = Dataset.generator(7)
            .visitors(300)
            .accounts(30)
            .days(3)
            .endingAt(END)
            .build();
    private static final List<String> TABLES =
            List.of("features", "visitors", "accounts", "page_events", "track_events");

    private final MutableClock clock = new MutableClock(END.minus(Duration.ofHours(12)));
    private FakePendo fake;

    @BeforeEach
    void startFake() {
        fake = FakePendo.builder().dataset(DATASET).build().start();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private Map<String, String> props(List<String> tables) {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSourceConfig.INTEGRATION_KEY, fake.integrationKey());
        props.put(PendoSourceConfig.BASE_URL, fake.baseUrl().toString());
        props.put(PendoSourceConfig.START_DATE, "2026-11-05");
        props.put(PendoSourceConfig.TABLES, String.join(",", tables));
        props.put(PendoSourceConfig.BATCH_SIZE, "25");
        props.put(PendoSourceConfig.POLL_INTERVAL_MS, "60000");
        props.put(PendoSourceTask.TASK_TABLES, String.join(",", tables));
        return props;
    }

    private Map<String, Set<String>> reference(List<String> tables) throws Exception {
        try (PendoClient client = fake.client()) {
            SyncOptions settings = SyncOptions.builder()
                    .start(Instant.parse("2026-11-05T00:00:00Z"))
                    .clock(clock)
                    .build();
            return Reference.keys(client, settings, tables);
        }
    }

    private PendoSourceTask task(Map<Map<String, Object>, Map<String, Object>> committed) {
        return task(committed, props(TABLES));
    }

    /** A task whose poll() waits for a read however long it takes, so a null poll means nothing is due. */
    private PendoSourceTask task(Map<Map<String, Object>, Map<String, Object>> committed, Map<String, String> props) {
        PendoSourceTask task = new PendoSourceTask(
                clock,
                new PendoSourceTask.Waiter() {
                    @Override
                    public void await(Duration duration) {}

                    @Override
                    public void wake() {}
                },
                Duration.ofMinutes(5));
        task.initialize(new Context(committed));
        task.start(props);
        return task;
    }

    /** Polls until the task has nothing due: one cycle of every table. */
    private static List<SourceRecord> drain(PendoSourceTask task) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            all.addAll(batch);
        }
        return all;
    }

    private static Map<String, Set<String>> keysByTable(List<SourceRecord> records) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (SourceRecord record : records) {
            keys.computeIfAbsent((String) record.sourcePartition().get("table"), t -> new HashSet<>())
                    .add(Reference.key((Struct) record.key()));
        }
        return keys;
    }

    @Test
    void oneCycleDeliversEveryRowOfEveryTableOnceIntoItsTopic() throws Exception {
        Map<String, Set<String>> expected = reference(TABLES);
        PendoSourceTask task = task(Map.of());
        List<SourceRecord> records = drain(task);
        task.stop();

        assertThat(keysByTable(records)).isEqualTo(expected);
        assertThat(records)
                .hasSize(expected.values().stream().mapToInt(Set::size).sum());
        assertThat(expected.get("visitors")).hasSize(DATASET.visitors().size() - 30);
        assertThat(expected.get("accounts")).hasSize(DATASET.accounts().size());
        assertThat(expected.get("features")).hasSize(DATASET.features().size());
        assertThat(expected.get("page_events")).isNotEmpty();
        assertThat(records)
                .allSatisfy(r -> assertThat(r.topic())
                        .isEqualTo("pendo." + r.sourcePartition().get("table")));
    }

    @Test
    void eventRecordsCarryTheirWindowAndAppIdHeaders() throws Exception {
        PendoSourceTask task = task(Map.of());
        List<SourceRecord> events = drain(task).stream()
                .filter(r -> r.topic().equals("pendo.page_events"))
                .toList();
        task.stop();
        assertThat(events).isNotEmpty().allSatisfy(r -> {
            Header window = r.headers().lastWithName(PendoSourceTask.HEADER_WINDOW);
            String[] range = ((String) window.value()).split("/");
            Instant start = Instant.parse(range[0]);
            long periodStart = ((java.util.Date) ((Struct) r.value()).get("period_start")).getTime();
            assertThat(periodStart)
                    .isBetween(start.toEpochMilli(), Instant.parse(range[1]).toEpochMilli() - 1);
            assertThat(r.headers().lastWithName(PendoSourceTask.HEADER_APP_ID).value())
                    .isEqualTo(((Struct) r.value()).get("app_id"));
        });
    }

    @Test
    void aTaskRestartedFromTheCommittedOffsetsMidTableEndsWithEveryKeyAndNoneExtra() throws Exception {
        Map<String, Set<String>> expected = reference(TABLES);
        PendoSourceTask first = task(Map.of());
        List<List<SourceRecord>> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batches.add(first.poll());
        }
        first.stop();
        // Connect committed the offsets of the first 6 batches; the last 2 were delivered but not committed.
        List<SourceRecord> committedRecords =
                batches.subList(0, 6).stream().flatMap(List::stream).toList();
        Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();
        for (SourceRecord record : committedRecords) {
            committed.put(new HashMap<>(record.sourcePartition()), new HashMap<>(record.sourceOffset()));
        }
        assertThat(committed.values())
                .as("the crash is mid-table for visitors and page_events")
                .anySatisfy(offset -> assertThat(offset).containsKey("key"))
                .anySatisfy(offset -> assertThat(offset).containsKey("covered"));

        PendoSourceTask second = task(committed);
        List<SourceRecord> resumed = drain(second);
        second.stop();

        List<SourceRecord> all = new ArrayList<>(committedRecords);
        all.addAll(resumed);
        assertThat(keysByTable(all)).isEqualTo(expected);
        assertThat(keysByTable(resumed).get("visitors"))
                .as("visitors resume after the committed position")
                .doesNotContainAnyElementsOf(keysByTable(committedRecords).get("visitors"));
    }

    @Test
    void aSecondCycleAddsOnlyTheNewWindowsAndNoUnchangedVisitors() throws Exception {
        Map<String, Set<String>> firstDay = reference(TABLES);
        PendoSourceTask task = task(Map.of());
        drain(task);

        clock.set(END.plus(Duration.ofHours(12)));
        Map<String, Set<String>> nextDay = reference(TABLES);
        List<SourceRecord> second = drain(task);
        task.stop();

        Map<String, Set<String>> added = keysByTable(second);
        for (String events : List.of("page_events", "track_events")) {
            Set<String> onlyNew = new HashSet<>(nextDay.get(events));
            onlyNew.removeAll(firstDay.get(events));
            assertThat(onlyNew).isNotEmpty();
            assertThat(added.get(events)).isEqualTo(onlyNew);
        }
        assertThat(second)
                .filteredOn(r -> r.topic().endsWith("_events"))
                .allSatisfy(r -> assertThat(r.headers()
                                .lastWithName(PendoSourceTask.HEADER_WINDOW)
                                .value())
                        .isEqualTo("2026-11-09T00:00:00Z/2026-11-10T00:00:00Z"));
        assertThat(added).doesNotContainKeys("visitors", "accounts");
        assertThat(added.get("features")).as("the catalog is refreshed whole").isEqualTo(nextDay.get("features"));
    }

    @Test
    void aTableIsNotReadAgainBeforeThePollInterval() throws Exception {
        PendoSourceTask task = task(Map.of());
        drain(task);
        clock.set(clock.instant().plus(Duration.ofSeconds(59)));
        assertThat(task.poll()).isNull();
        clock.set(clock.instant().plus(Duration.ofSeconds(2)));
        assertThat(task.poll()).isNotEmpty();
        task.stop();
    }

    @Test
    void aRateLimitAnswerPausesAndTheRowsStillArriveOnce() throws Exception {
        Map<String, Set<String>> expected = reference(List.of("visitors"));
        fake.enqueueFault(Endpoint.AGGREGATION, Fault.status(429));
        PendoSourceTask task = new PendoSourceTask(clock, null, Duration.ofMinutes(5));
        task.initialize(new Context(Map.of()));
        task.start(props(List.of("visitors")));
        List<SourceRecord> records = drain(task);
        task.stop();
        assertThat(keysByTable(records)).isEqualTo(expected);
        assertThat(records).hasSize(expected.get("visitors").size());
        assertThat(fake.pendingFaults()).isZero();
    }

    @Test
    void aConnectionDroppedMidResultIsRetriableAndTheTableIsReadAgainAfterABackoff() throws Exception {
        Map<String, Set<String>> expected = reference(List.of("visitors"));
        fake.enqueueFault(Endpoint.AGGREGATION, Fault.disconnectMidBody());
        PendoSourceTask task = task(Map.of(), props(List.of("visitors")));
        List<SourceRecord> records = new ArrayList<>();
        Throwable failure = null;
        for (int i = 0; i < 100 && failure == null; i++) {
            try {
                List<SourceRecord> batch = task.poll();
                if (batch != null) {
                    records.addAll(batch);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        assertThat(failure)
                .as("Connect retries a RetriableException; any other fails the task for good")
                .isInstanceOf(RetriableException.class)
                .hasCauseInstanceOf(IncompleteResultException.class)
                .hasRootCauseInstanceOf(java.io.IOException.class)
                .hasMessageContaining("visitors");

        // The table waits out a backoff on the task's clock, then reads again from the last batch handed over.
        assertThat(task.poll()).as("within the backoff").isNull();
        clock.set(clock.instant().plus(PendoSourceTask.FIRST_RETRY_BACKOFF));
        records.addAll(drain(task));
        task.stop();
        assertThat(keysByTable(records)).isEqualTo(expected);
    }

    @Test
    void networkFailuresAloneOrInsideAnIncompleteResultAreRetriableButAnUnreadableRowIsNot() {
        PendoNetworkException network = new PendoNetworkException(
                "POST /api/v1/aggregation failed: reset",
                "POST",
                "/api/v1/aggregation",
                1,
                new java.net.SocketException("Connection reset"));
        UnreadableResponseException unreadable = new UnreadableResponseException(
                "row 7 is not an object", "POST", "/api/v1/aggregation", 1, "$.results[7]", null);
        assertThat(PendoSourceTask.retriable(network)).isTrue();
        assertThat(PendoSourceTask.retriable(new IncompleteResultException("broke off", 10, network)))
                .isTrue();
        assertThat(PendoSourceTask.retriable(unreadable)).isFalse();
        assertThat(PendoSourceTask.retriable(new IncompleteResultException("broke off", 7, unreadable)))
                .isFalse();
    }

    @Test
    void stopDuringARetryAfterWaitEndsTheTaskWithinConnectsGracePeriodAndSendsNothingMore() throws Exception {
        fake.enqueueFault(Endpoint.AGGREGATION, Fault.status(429).retryAfterSeconds(50));
        stopWhileWaiting(props(List.of("visitors")), "RetryEngine");
    }

    @Test
    void stopDuringARateLimiterWaitEndsTheTaskWithinConnectsGracePeriodAndSendsNothingMore() throws Exception {
        Map<String, String> props = props(List.of("page_events"));
        // One aggregation every 100 s: the second window's request waits in the rate limiter.
        props.put(PendoSourceConfig.REQUESTS_PER_SECOND, "0.01");
        stopWhileWaiting(props, "EndpointRateLimiter");
    }

    /**
     * Runs the task as Connect 4.x does (poll on one thread until stop is requested, then stop() on that thread),
     * waits until the SDK sleeps in {@code waitingIn}, requests the stop and checks that the task's thread ends
     * within Connect's default grace period (task.shutdown.graceful.timeout.ms, 5 s), no thread of the task is left,
     * and no request followed.
     */
    private void stopWhileWaiting(Map<String, String> props, String waitingIn) throws Exception {
        PendoSourceTask task = new PendoSourceTask(clock, null, PendoSourceTask.POLL_WAIT);
        task.initialize(new Context(Map.of()));
        task.start(props);
        AtomicBoolean stopRequested = new AtomicBoolean();
        Thread connectThread = new Thread(
                () -> {
                    try {
                        while (!stopRequested.get()) {
                            task.poll();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        task.stop();
                    }
                },
                "connect-task-thread-under-test");
        connectThread.start();
        TestUtils.waitForCondition(() -> sleepingIn(waitingIn), 30_000, "the SDK waits in " + waitingIn);
        int requests = fake.requests().size();

        stopRequested.set(true);
        connectThread.join(5_000);
        assertThat(connectThread.isAlive())
                .as("the task's thread still runs 5 s after the stop request")
                .isFalse();
        // stop() waits for the reader's executor to terminate, which it reports just before its thread dies: join it.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(PendoSourceTask.THREAD_PREFIX)) {
                thread.join(5_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .as("threads of the task")
                .noneMatch(t -> t.getName().startsWith(PendoSourceTask.THREAD_PREFIX) && t.isAlive());
        assertThat(sleepingIn(waitingIn)).isFalse();
        assertThat(fake.requests()).as("requests after the stop").hasSize(requests);
    }

    /** Whether a thread sleeps (the SDK's TimeSource) inside a class of the SDK's HTTP stack. */
    private static boolean sleepingIn(String simpleClassName) {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            if (stack.length == 0 || !stack[0].getMethodName().startsWith("sleep")) {
                continue;
            }
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("io.github.pendoclient.internal.http." + simpleClassName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Connect's task context, with offsets as committed. */
    private static final class Context implements SourceTaskContext {
        private final Map<Map<String, Object>, Map<String, Object>> committed;

        Context(Map<Map<String, Object>, Map<String, Object>> committed) {
            this.committed = committed;
        }

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return committed.get((Map<String, Object>) partition);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                    for (Map<String, T> partition : partitions) {
                        result.put(partition, offset(partition));
                    }
                    return result;
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
