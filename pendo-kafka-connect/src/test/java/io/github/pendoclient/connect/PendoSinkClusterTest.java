package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.track.TrackEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink connector in a real distributed Connect cluster (Kafka's EmbeddedConnectCluster: a KRaft broker and a
 * Connect worker in this JVM) writing to FakePendo: track events from schemaless JSON, metadata from Struct records,
 * a worker restart, the dead letter queue, a 429 storm and a stop while waiting out a long Retry-After.
 */
class PendoSinkClusterTest {

    private static final String KEY = "test-integration-key";
    private static final String SECRET = "test-shared-secret";
    private static final long WAIT_MS = 120_000;
    private static final int VISITORS = 50;
    /** How often a wait looks at the fake's events; each look reads every event received so far. */
    private static final long POLL_MS = 1_000;

    private static FakePendo fake;
    private static EmbeddedConnectCluster connect;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startClusterAndFake() {
        fake = FakePendo.builder()
                .integrationKey(KEY)
                .sharedSecret(SECRET)
                .dataset(Dataset.generator(17)
                        .visitors(VISITORS)
                        .accounts(5)
                        .days(1)
                        .endingAt(Instant.now())
                        .build())
                .build()
                .start();
        Map<String, String> worker = new HashMap<>();
        worker.put("offset.flush.interval.ms", "500");
        worker.put("plugin.discovery", "service_load");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        // A worker that leaves hands its tasks to the next at once, not after the 5 minute default.
        worker.put("scheduled.rebalance.max.delay.ms", "0");
        connect = new EmbeddedConnectCluster.Builder()
                .name("pendo-sink-connect")
                .numWorkers(1)
                .numBrokers(1)
                .workerProps(worker)
                .build();
        connect.start();
    }

    @AfterAll
    static void stop() {
        if (connect != null) {
            connect.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static Map<String, String> trackConfig(String topic, Path secretFile) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", PendoSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("tasks.max", "2");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put(PendoSinkConfig.MODE, "track");
        config.put(PendoSinkConfig.SHARED_SECRET, "${file:" + secretFile + ":secret}");
        config.put(PendoSinkConfig.BASE_URL, fake.baseUrl().toString());
        config.put(PendoSinkConfig.REQUESTS_PER_SECOND, "600");
        return config;
    }

    private static Path secretFile(String name) throws Exception {
        Path file = dir.resolve(name + ".properties");
        Files.writeString(file, "secret=" + SECRET + "\n");
        return file;
    }

    private static void produce(String topic, int partitions, int from, int count, String nameField) throws Exception {
        // Right after createTopic a partition may have no leader yet: the first sends fail with NOT_LEADER_OR_FOLLOWER.
        // An idempotent producer with several batches in flight can then wedge on OUT_OF_ORDER_SEQUENCE_NUMBER and
        // never land a partition's tail (seen once on CI), so send one batch at a time, without idempotence (the
        // test's records are told apart by their "n", not by their order), and fail here if a send fails.
        Map<String, Object> settings = Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                ProducerConfig.ACKS_CONFIG,
                "all");
        List<Future<RecordMetadata>> sends = new ArrayList<>(count);
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(settings)) {
            for (int i = from; i < from + count; i++) {
                String value = "{\"" + nameField + "\":\"Clicked " + topic + "\",\"visitorId\":\"v-" + (i % VISITORS)
                        + "\",\"accountId\":\"a-" + (i % 5) + "\",\"n\":" + i + "}";
                sends.add(producer.send(new ProducerRecord<>(
                        topic,
                        i % partitions,
                        (topic + "-" + i).getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(WAIT_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The events of one topic the fake received so far. */
    private static List<TrackEvent> eventsOf(String topic) {
        return fake.trackEvents().stream()
                .filter(e -> e.event().equals("Clicked " + topic))
                .toList();
    }

    private static Set<Object> ids(List<TrackEvent> events) {
        return events.stream().map(e -> e.properties().get("event_id")).collect(Collectors.toSet());
    }

    @Test
    void tenThousandRecordsOnThreePartitionsBecomeTenThousandEventsAcrossAWorkerRestartMidRun() throws Exception {
        String topic = "app-events";
        int total = 10_000;
        connect.kafka().createTopic(topic, 3);
        produce(topic, 3, 0, total, "event");
        long started = System.nanoTime();
        connect.configureConnector("track", trackConfig(topic, secretFile("track")));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("track", 2, "two tasks run");
        assertThat(connect.connectorInfo("track").config().get(PendoSinkConfig.SHARED_SECRET))
                .doesNotContain(SECRET);

        // Restart the worker once some events, but not all, reached Pendo.
        TestUtils.waitForCondition(() -> eventsOf(topic).size() >= 2_000, WAIT_MS, POLL_MS, () -> "events arrive");
        WorkerHandle first = connect.workers().iterator().next();
        connect.removeWorker(first);
        int beforeRestart = ids(eventsOf(topic)).size();
        assertThat(beforeRestart).as("the restart is mid-run").isLessThan(total);
        connect.addWorker();
        TestUtils.waitForCondition(
                () -> ids(eventsOf(topic)).size() == total, WAIT_MS, POLL_MS, () -> "every record arrives");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        List<TrackEvent> events = eventsOf(topic);
        int duplicates = events.size() - total;
        System.out.printf(
                "%d records, %d events (%d duplicates after the worker restart at %d) in %d ms%n",
                total, events.size(), duplicates, beforeRestart, elapsedMs);
        // Only what was handed to a sender when partitions moved can go twice: 2 tasks x 16, at a few rebalances.
        assertThat(duplicates).isBetween(0, 4 * 2 * 16);
        for (TrackEvent event : events) {
            int n = ((Number) event.properties().get("n")).intValue();
            assertThat(event.properties()).containsEntry("event_id", topic + "-" + n);
            assertThat(event.visitorId()).isEqualTo("v-" + (n % VISITORS));
            assertThat(event.accountId()).contains("a-" + (n % 5));
        }
        connect.deleteConnector("track");
    }

    @Test
    void aPoisonRecordLandsInTheDeadLetterQueueWithItsReasonWhileTheOthersLand() throws Exception {
        String topic = "poison-events";
        connect.kafka().createTopic(topic, 1);
        produce(topic, 1, 0, 10, "event");
        connect.kafka().produce(topic, 0, "poison", "{\"event\":\"Clicked poison-events\",\"who\":\"nobody\"}");
        produce(topic, 1, 10, 10, "event");
        Map<String, String> config = trackConfig(topic, secretFile("poison"));
        config.put("tasks.max", "1");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", "pendo-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.configureConnector("poison", config);

        TestUtils.waitForCondition(() -> ids(eventsOf(topic)).size() == 20, WAIT_MS, "the good records land");
        List<ConsumerRecord<byte[], byte[]>> dead = new java.util.ArrayList<>();
        connect.kafka().consume(1, WAIT_MS, "pendo-dlq").forEach(dead::add);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
            Header reason = record.headers().lastHeader("__connect.errors.exception.message");
            assertThat(new String(reason.value(), StandardCharsets.UTF_8))
                    .contains("'visitorId'")
                    .contains("track.visitor.id.field");
        });
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("poison", 1, "the task goes on");
        connect.deleteConnector("poison");
    }

    @Test
    void metadataStructRecordsUpdateTheVisitorsAndReadBack() throws Exception {
        String topic = "profiles";
        connect.kafka().createTopic(topic, 2);
        String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"plan_tier\",\"type\":\"string\"},"
                + "{\"field\":\"seats\",\"type\":\"int32\"},{\"field\":\"beta_opt_in\",\"type\":\"boolean\"}]}";
        for (int i = 0; i < VISITORS; i++) {
            String payload =
                    "{\"plan_tier\":\"tier-" + i + "\",\"seats\":" + i + ",\"beta_opt_in\":" + (i % 2 == 0) + "}";
            connect.kafka()
                    .produce(
                            topic,
                            i % 2,
                            fake.dataset().visitors().get(i).id(),
                            "{\"schema\":" + schema + ",\"payload\":" + payload + "}");
        }
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", PendoSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("tasks.max", "2");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        config.put(PendoSinkConfig.MODE, "metadata");
        config.put(PendoSinkConfig.INTEGRATION_KEY, KEY);
        config.put(PendoSinkConfig.BASE_URL, fake.baseUrl().toString());
        config.put(PendoSinkConfig.METADATA_BATCH_SIZE, "10");
        connect.configureConnector("metadata", config);

        try (PendoClient client = fake.client()) {
            String last = fake.dataset().visitors().get(VISITORS - 1).id();
            TestUtils.waitForCondition(
                    () -> ("tier-" + (VISITORS - 1))
                            .equals(client.metadata().get(MetadataKind.VISITOR, "custom", last, "plan_tier")),
                    WAIT_MS,
                    "the last visitor is updated");
            for (int i = 0; i < VISITORS; i++) {
                String visitor = fake.dataset().visitors().get(i).id();
                int n = i;
                TestUtils.waitForCondition(
                        () -> ("tier-" + n)
                                .equals(client.metadata().get(MetadataKind.VISITOR, "custom", visitor, "plan_tier")),
                        WAIT_MS,
                        "visitor " + visitor + " is updated");
                assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", visitor, "seats"))
                        .isEqualTo((long) i);
                assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", visitor, "beta_opt_in"))
                        .isEqualTo(i % 2 == 0);
            }
        }
        connect.deleteConnector("metadata");
    }

    @Test
    void a429StormSlowsTheTaskWithoutFailingIt() throws Exception {
        String topic = "storm-events";
        connect.kafka().createTopic(topic, 1);
        produce(topic, 1, 0, 200, "event");
        fake.enqueueFault(Endpoint.TRACK, Fault.status(429).retryAfterSeconds(1).times(60));
        Map<String, String> config = trackConfig(topic, secretFile("storm"));
        config.put("tasks.max", "1");
        connect.configureConnector("storm", config);
        TestUtils.waitForCondition(() -> ids(eventsOf(topic)).size() == 200, WAIT_MS, "every record arrives");
        assertThat(fake.pendingFaults()).as("every 429 was answered").isZero();
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("storm", 1, "the task still runs");
        connect.deleteConnector("storm");
    }

    /** Whether a live thread runs the given Connect task or the sink's delivery for it. */
    private static boolean taskThreadAlive(String taskId) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().endsWith(taskId));
    }

    @Test
    void deletingTheConnectorStopsTheTaskWithinSecondsWhileItWaitsOutALongRetryAfter() throws Exception {
        String topic = "waiting-events";
        connect.kafka().createTopic(topic, 1);
        produce(topic, 1, 0, 20, "event");
        fake.enqueueFault(
                Endpoint.TRACK, Fault.status(429).retryAfterSeconds(50).times(20));
        Map<String, String> config = trackConfig(topic, secretFile("waiting"));
        config.put("tasks.max", "1");
        connect.configureConnector("waiting", config);
        TestUtils.waitForCondition(() -> fake.pendingFaults() < 20, WAIT_MS, "a 429 is answered");
        long deleted = System.nanoTime();
        connect.deleteConnector("waiting");
        TestUtils.waitForCondition(() -> !taskThreadAlive("waiting-0"), 15_000, "the task's thread ends");
        long stoppedMs = (System.nanoTime() - deleted) / 1_000_000;
        System.out.printf("The task stopped %d ms after the connector was deleted%n", stoppedMs);
        assertThat(stoppedMs).isLessThan(10_000);
        fake.clearFaults();
        assertThat(eventsOf(topic)).as("nothing was delivered past the 429").isEmpty();
    }
}
