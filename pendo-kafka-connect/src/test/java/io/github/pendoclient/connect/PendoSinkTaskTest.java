package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.track.TrackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.test.TestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink task against FakePendo, without Kafka: what reaches Pendo, what is committed, what is refused. */
class PendoSinkTaskTest {

    private static final String SECRET = "test-shared-secret";
    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final long WAIT_MS = 30_000;

    private FakePendo fake;
    private PendoSinkTask task;

    @BeforeEach
    void startFake() {
        fake = FakePendo.builder()
                .sharedSecret(SECRET)
                .dataset(Dataset.generator(3)
                        .visitors(20)
                        .accounts(4)
                        .days(1)
                        .endingAt(Instant.now())
                        .build())
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
        fake.close();
    }

    private Map<String, String> trackProps() {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSinkConfig.MODE, "track");
        props.put(PendoSinkConfig.SHARED_SECRET, SECRET);
        props.put(PendoSinkConfig.BASE_URL, fake.baseUrl().toString());
        props.put(PendoSinkConfig.REQUESTS_PER_SECOND, "1000");
        return props;
    }

    private PendoSinkTask start(Map<String, String> props, SinkContext context) {
        task = new PendoSinkTask();
        task.initialize(context);
        task.start(props);
        return task;
    }

    private static SinkRecord event(long offset, String visitor) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("event", "Report Exported");
        value.put("visitorId", visitor);
        value.put("accountId", "acme");
        value.put("format", "pdf");
        return new SinkRecord("events", 0, null, "e-" + offset, null, value, offset);
    }

    private static List<SinkRecord> events(long from, int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = from; offset < from + count; offset++) {
            records.add(event(offset, "v-" + offset));
        }
        return records;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return task.preCommit(Map.of(P0, new OffsetAndMetadata(0)));
    }

    @Test
    void recordsBecomeTrackEventsAndTheirOffsetsAreCommittedOnceAccepted() throws Exception {
        start(trackProps(), new SinkContext(false));
        task.put(events(0, 50));
        TestUtils.waitForCondition(
                () -> committed().getOrDefault(P0, new OffsetAndMetadata(0)).offset() == 50,
                WAIT_MS,
                "every offset is committed");
        List<TrackEvent> received = fake.trackEvents();
        assertThat(received).hasSize(50);
        assertThat(received)
                .extracting(e -> e.properties().get("event_id"))
                .containsExactlyInAnyOrderElementsOf(
                        events(0, 50).stream().map(SinkRecord::key).toList());
        assertThat(received).allSatisfy(e -> {
            assertThat(e.event()).isEqualTo("Report Exported");
            assertThat(e.accountId()).contains("acme");
            assertThat(e.properties()).containsEntry("format", "pdf");
        });
    }

    @Test
    void anOffsetIsNotCommittedWhilePendoHasNotAcceptedItsRecord() throws Exception {
        fake.enqueueFault(Endpoint.TRACK, Fault.status(503).times(1_000));
        start(trackProps(), new SinkContext(false));
        task.put(events(0, 3));
        TestUtils.waitForCondition(() -> fake.requestCount(Endpoint.TRACK) >= 3, WAIT_MS, "attempts are made");
        assertThat(committed()).doesNotContainKey(P0);
        fake.clearFaults();
        TestUtils.waitForCondition(
                () -> committed().getOrDefault(P0, new OffsetAndMetadata(0)).offset() == 3,
                WAIT_MS,
                "the offsets are committed once Pendo accepts");
    }

    @Test
    void recordsOfAPartitionTheTaskGaveUpAreNotSentBeyondTheWindowAlreadyInFlight() throws Exception {
        fake.enqueueFault(Endpoint.TRACK, Fault.delay(Duration.ofSeconds(2)).times(4));
        Map<String, String> props = trackProps();
        props.put(PendoSinkConfig.MAX_IN_FLIGHT, "1");
        start(props, new SinkContext(false));
        task.put(events(0, 200));
        TestUtils.waitForCondition(() -> fake.requestCount(Endpoint.TRACK) >= 1, WAIT_MS, "a request is in flight");
        task.close(List.of(P0));
        TestUtils.waitForCondition(
                () -> fake.pendingFaults() == 0 && fake.trackEvents().size() >= 4,
                WAIT_MS,
                "the delayed requests are answered");
        assertThat(fake.trackEvents().size())
                .as("at most the window (" + (1 + 1) * 4 + ") handed to the sender before the close")
                .isLessThanOrEqualTo(8);
    }

    @Test
    void withErrorsToleranceNoneAnUnmappableRecordFailsTheTaskNamingTopicPartitionAndOffset() {
        start(trackProps(), new SinkContext(true));
        SinkRecord poison = new SinkRecord("events", 0, null, "e-7", null, Map.of("event", "x"), 7);
        assertThatThrownBy(() -> task.put(List.of(poison)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic events, partition 0, offset 7")
                .hasMessageContaining("'visitorId'")
                .hasMessageContaining("errors.tolerance");
        assertThatThrownBy(() -> committed()).isInstanceOf(ConnectException.class);
    }

    @Test
    void withErrorsToleranceAllAnUnmappableRecordIsReportedWithItsReasonAndTheOthersAreDelivered() throws Exception {
        Map<String, String> props = trackProps();
        props.put("errors.tolerance", "all");
        SinkContext context = new SinkContext(true);
        start(props, context);
        List<SinkRecord> records = new ArrayList<>(events(0, 5));
        records.add(new SinkRecord("events", 0, null, "e-5", null, Map.of("event", "x"), 5));
        records.addAll(events(6, 4));
        task.put(records);
        TestUtils.waitForCondition(
                () -> committed().getOrDefault(P0, new OffsetAndMetadata(0)).offset() == 10,
                WAIT_MS,
                "every offset is committed, the bad record's too");
        assertThat(fake.trackEvents()).hasSize(9);
        assertThat(context.reported).singleElement().satisfies(r -> {
            assertThat(r.record().kafkaOffset()).isEqualTo(5);
            assertThat(r.error().getMessage()).contains("'visitorId'");
        });
    }

    @Test
    void aFullBufferMakesPutAskConnectToRedeliverInsteadOfBlocking() throws Exception {
        fake.enqueueFault(Endpoint.TRACK, Fault.delay(Duration.ofSeconds(3)).times(20));
        Map<String, String> props = trackProps();
        props.put(PendoSinkConfig.MAX_BUFFERED_RECORDS, "10");
        props.put(PendoSinkConfig.MAX_IN_FLIGHT, "1");
        SinkContext context = new SinkContext(false);
        start(props, context);
        task.put(events(0, 10));
        assertThatThrownBy(() -> task.put(events(10, 5)))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("max.buffered.records=10");
        assertThat(context.timeout).isEqualTo(PendoSinkTask.REDELIVERY_BACKOFF.toMillis());
    }

    @Test
    void stopReturnsWithinSecondsWhileTheTaskWaitsOutALongRetryAfter() throws Exception {
        fake.enqueueFault(
                Endpoint.TRACK, Fault.status(429).retryAfterSeconds(50).times(5));
        start(trackProps(), new SinkContext(false));
        task.put(events(0, 5));
        TestUtils.waitForCondition(() -> fake.pendingFaults() < 5, WAIT_MS, "a 429 is answered");
        PendoSinkTask stopping = task;
        task = null;
        assertTimeoutPreemptively(Duration.ofSeconds(5), stopping::stop);
    }

    @Test
    void twoRecordsForOneVisitorInOneBatchAreAppliedInOrderSoTheLaterWins() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSinkConfig.MODE, "metadata");
        props.put(PendoSinkConfig.INTEGRATION_KEY, fake.integrationKey());
        props.put(PendoSinkConfig.BASE_URL, fake.baseUrl().toString());
        start(props, new SinkContext(false));
        String visitor = fake.dataset().visitors().get(1).id();
        task.put(List.of(
                new SinkRecord("events", 0, null, visitor, null, Map.of("plan_tier", "first"), 0),
                new SinkRecord("events", 0, null, visitor, null, Map.of("plan_tier", "second"), 1)));
        TestUtils.waitForCondition(
                () -> committed().getOrDefault(P0, new OffsetAndMetadata(0)).offset() == 2,
                WAIT_MS,
                "both offsets are committed");
        try (PendoClient client = fake.client()) {
            assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", visitor, "plan_tier"))
                    .isEqualTo("second");
        }
        assertThat(fake.requestCount(Endpoint.METADATA_BULK))
                .as("one request per distinct id")
                .isEqualTo(2);
    }

    @Test
    void metadataRecordsUpdateTheVisitorsTypedByTheSchemaAndAnUnknownVisitorIsReportedAsMissing() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSinkConfig.MODE, "metadata");
        props.put(PendoSinkConfig.INTEGRATION_KEY, fake.integrationKey());
        props.put(PendoSinkConfig.BASE_URL, fake.baseUrl().toString());
        props.put("errors.tolerance", "all");
        SinkContext context = new SinkContext(true);
        start(props, context);
        String visitor = fake.dataset().visitors().get(0).id();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("plan_tier", "gold");
        value.put("seats", "12");
        task.put(List.of(
                new SinkRecord("events", 0, null, visitor, null, value, 0),
                new SinkRecord("events", 0, null, "nobody", null, Map.of("plan_tier", "x"), 1)));
        TestUtils.waitForCondition(
                () -> {
                    task.put(List.of());
                    return committed()
                                    .getOrDefault(P0, new OffsetAndMetadata(0))
                                    .offset()
                            == 2;
                },
                WAIT_MS,
                "both offsets are committed");
        try (PendoClient client = fake.client()) {
            assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", visitor, "plan_tier"))
                    .isEqualTo("gold");
            assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", visitor, "seats"))
                    .isEqualTo(12L);
        }
        assertThat(context.reported).singleElement().satisfies(r -> {
            assertThat(r.record().kafkaOffset()).isEqualTo(1);
            assertThat(r.error().getMessage()).contains("'nobody'").contains("metadata.create=true");
        });
    }
}
