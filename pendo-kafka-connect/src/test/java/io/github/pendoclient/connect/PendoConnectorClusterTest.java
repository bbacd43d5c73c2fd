package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real distributed Connect cluster (Kafka's own EmbeddedConnectCluster: a KRaft broker and a
 * Connect worker in this JVM) reading FakePendo.
 */
class PendoConnectorClusterTest {

    private static final String CONNECTOR = "pendo";
    private static final String KEY = "test-integration-key";
    private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private static final LocalDate START =
            LocalDate.ofInstant(TODAY, ZoneOffset.UTC).minusDays(8);
    /** Two tasks, each with a catalog table, an event table and a keyset table. */
    private static final List<String> TABLES =
            List.of("features", "pages", "page_events", "track_events", "visitors", "accounts");

    private static final long WAIT_MS = 90_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakePendo fake;
    private static EmbeddedConnectCluster connect;
    private static Map<String, Set<String>> expected;
    private static KafkaConsumer<byte[], byte[]> consumer;
    private static final Map<String, List<String>> received = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void startClusterAndFake() throws Exception {
        fake = FakePendo.builder()
                .integrationKey(KEY)
                .dataset(Dataset.generator(11)
                        .visitors(400)
                        .accounts(40)
                        .days(7)
                        .endingAt(TODAY)
                        .build())
                .build()
                .start();
        try (PendoClient client = fake.client()) {
            expected = Reference.keys(
                    client,
                    SyncOptions.builder()
                            .start(START.atStartOfDay(ZoneOffset.UTC).toInstant())
                            .build(),
                    TABLES);
        }

        Map<String, String> worker = new HashMap<>();
        worker.put("offset.flush.interval.ms", "250");
        worker.put("plugin.discovery", "service_load");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        Properties broker = new Properties();
        broker.put("offsets.topic.num.partitions", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        long started = System.nanoTime();
        connect = new EmbeddedConnectCluster.Builder()
                .name("pendo-connect")
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(worker)
                .brokerProps(broker)
                .build();
        connect.start();
        System.out.printf("Connect cluster started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        for (String table : TABLES) {
            connect.kafka().createTopic("pendo." + table, 2);
        }
        consumer = connect.kafka()
                .createConsumerAndSubscribeTo(
                        Map.of("auto.offset.reset", "earliest", "group.id", "pendo-connector-test"),
                        TABLES.stream().map(t -> "pendo." + t).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (connect != null) {
            connect.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static Map<String, String> connectorConfig(Path keyFile) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", PendoSourceConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put(PendoSourceConfig.INTEGRATION_KEY, "${file:" + keyFile + ":key}");
        config.put(PendoSourceConfig.BASE_URL, fake.baseUrl().toString());
        config.put(PendoSourceConfig.TABLES, String.join(",", TABLES));
        config.put(PendoSourceConfig.START_DATE, START.toString());
        config.put(PendoSourceConfig.POLL_INTERVAL_MS, "2000");
        config.put(PendoSourceConfig.BATCH_SIZE, "50");
        // 4 requests per second per endpoint for the connector, 2 for each task: slow enough to restart mid-table.
        config.put(PendoSourceConfig.REQUESTS_PER_SECOND, "4");
        return config;
    }

    /** Every record key of a topic so far, as text ('|'-joined values), read by one consumer kept open. */
    private static List<String> keys(String table) throws Exception {
        for (ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                !batch.isEmpty();
                batch = consumer.poll(Duration.ofMillis(200))) {
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                @SuppressWarnings("unchecked")
                Map<String, Object> key =
                        JSON.readValue(new String(record.key(), StandardCharsets.UTF_8), LinkedHashMap.class);
                List<String> parts = new ArrayList<>();
                key.values().forEach(v -> parts.add(String.valueOf(v)));
                received.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(String.join("|", parts));
            }
        }
        return received.getOrDefault("pendo." + table, List.of());
    }

    private static boolean allArrived() throws Exception {
        for (String table : TABLES) {
            if (!new HashSet<>(keys(table)).equals(expected.get(table))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyRowArrivesInItsTopicAcrossTwoTasksATaskRestartMidTableAndASecondCycle() throws Exception {
        long started = System.nanoTime();
        Path keyFile = dir.resolve("pendo.properties");
        Files.writeString(keyFile, "key=" + KEY + "\n");
        // Every aggregation answer waits 300 ms at first, so page_events (7 day windows) cannot be read whole
        // before the test sees its first rows and restarts its task: the restart is mid-table on any machine.
        fake.enqueueFault(
                Endpoint.AGGREGATION, Fault.delay(Duration.ofMillis(300)).times(60));
        connect.configureConnector(CONNECTOR, connectorConfig(keyFile));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 2, "two tasks run");

        // The tables are split between the two tasks, each table once; the key is not in the task configs.
        List<TaskInfo> tasks = connect.taskConfigs(CONNECTOR);
        assertThat(tasks).hasSize(2);
        List<String> assigned = new ArrayList<>();
        int pageEventsTask = -1;
        for (TaskInfo task : tasks) {
            List<String> tables =
                    List.of(task.config().get(PendoSourceTask.TASK_TABLES).split(","));
            assertThat(tables).isNotEmpty();
            assigned.addAll(tables);
            if (tables.contains("page_events")) {
                pageEventsTask = task.id().task();
            }
            assertThat(task.config().get(PendoSourceConfig.INTEGRATION_KEY)).startsWith("${file:");
            assertThat(task.config().values()).noneMatch(v -> v != null && v.contains(KEY));
        }
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(connect.connectorInfo(CONNECTOR).config().get(PendoSourceConfig.INTEGRATION_KEY))
                .doesNotContain(KEY);

        // Restart the task reading page_events once some of its rows, but not all, are in the topic.
        TestUtils.waitForCondition(() -> !keys("page_events").isEmpty(), WAIT_MS, "page_events rows arrive");
        int before = new HashSet<>(keys("page_events")).size();
        connect.restartTask(CONNECTOR, pageEventsTask);
        assertThat(before)
                .as("the restart is mid-table")
                .isLessThan(expected.get("page_events").size());

        TestUtils.waitForCondition(PendoConnectorClusterTest::allArrived, WAIT_MS, "every key of every table arrives");
        for (String table : TABLES) {
            assertThat(new HashSet<>(keys(table))).as(table).isEqualTo(expected.get(table));
        }
        System.out.printf(
                "Every row arrived %d ms after the connector was created%n", (System.nanoTime() - started) / 1_000_000);

        // Later cycles: the catalog is sent again whole, events and visitors add nothing (no new windows today).
        Map<String, Integer> counts = new HashMap<>();
        for (String table : TABLES) {
            counts.put(table, keys(table).size());
        }
        int features = counts.get("features");
        TestUtils.waitForCondition(
                () -> keys("features").size()
                                >= features + 2 * expected.get("features").size()
                        && keys("pages").size()
                                >= counts.get("pages")
                                        + 2 * expected.get("pages").size(),
                WAIT_MS,
                "two more catalog cycles run");
        for (String table : List.of("page_events", "track_events", "visitors", "accounts")) {
            assertThat(keys(table)).as(table + " after more cycles").hasSize(counts.get(table));
        }
        System.out.printf("Cluster test body took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    /** The distinct record keys of a topic so far, or none while Connect has not created it. */
    private static Set<String> distinctKeys(String topic) throws Exception {
        if (connect.kafka().describeTopics(topic).get(topic).isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(WAIT_MS, topic)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> key =
                    JSON.readValue(new String(record.key(), StandardCharsets.UTF_8), LinkedHashMap.class);
            keys.add(String.valueOf(key.get("visitor_id")));
        }
        return keys;
    }

    /** Whether a live thread runs the given Connect task (the worker names its thread after the task id). */
    private static boolean taskThreadAlive(String taskId) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive()
                        && (t.getName().endsWith(taskId)
                                || t.getName().startsWith(PendoSourceTask.THREAD_PREFIX + "retrying-")));
    }

    @Test
    void aConnectionDroppedMidResultIsRetriedAndAStopDuringRetryAfterLeavesNoThreadAndSendsNothingMore()
            throws Exception {
        String name = "retrying";
        try (FakePendo own = FakePendo.builder()
                .integrationKey(KEY)
                .dataset(Dataset.generator(13)
                        .visitors(150)
                        .accounts(10)
                        .days(2)
                        .endingAt(TODAY)
                        .build())
                .build()
                .start()) {
            Set<String> visitors;
            try (PendoClient client = own.client()) {
                visitors = Reference.keys(client, SyncOptions.builder().build(), List.of("visitors"))
                        .get("visitors");
            }
            Path keyFile = dir.resolve("retrying.properties");
            Files.writeString(keyFile, "key=" + KEY + "\n");
            Map<String, String> config = connectorConfig(keyFile);
            config.put("tasks.max", "1");
            config.put(PendoSourceConfig.BASE_URL, own.baseUrl().toString());
            config.put(PendoSourceConfig.TABLES, "visitors");
            config.put(PendoSourceConfig.TOPIC_PREFIX, "retrying.");
            config.put(PendoSourceConfig.REQUESTS_PER_SECOND, "100");
            // The README's topic creation settings: Connect creates retrying.visitors itself.
            config.put("topic.creation.default.replication.factor", "1");
            config.put("topic.creation.default.partitions", "1");

            // The first answer breaks off mid-body: the task retries after its backoff instead of failing.
            own.enqueueFault(Endpoint.AGGREGATION, Fault.disconnectMidBody());
            connect.configureConnector(name, config);
            TestUtils.waitForCondition(
                    () -> distinctKeys("retrying.visitors").equals(visitors),
                    WAIT_MS,
                    "every visitor arrives after the dropped connection");
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "the task still runs");
            assertThat(own.pendingFaults()).isZero();

            // The next cycle meets a 429 asking for 50 s; deleting the connector stops the task while it waits.
            own.enqueueFault(Endpoint.AGGREGATION, Fault.status(429).retryAfterSeconds(50));
            TestUtils.waitForCondition(() -> own.pendingFaults() == 0, WAIT_MS, "the 429 is answered");
            int requests = own.requests().size();
            connect.deleteConnector(name);
            TestUtils.waitForCondition(
                    () -> !taskThreadAlive(name + "-0"),
                    15_000,
                    "the task's threads end once the connector is deleted");
            assertThat(own.requests()).as("requests after the stop").hasSize(requests);
        }
    }
}
