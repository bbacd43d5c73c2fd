package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The sink's offsets: committed only up to the first record Pendo has not accepted. */
class OffsetTrackerSinkTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    private static SinkRecord record(int partition, long offset) {
        return new SinkRecord("events", partition, null, "k" + offset, null, Map.of(), offset);
    }

    @Test
    void theCommittedOffsetStopsAtTheFirstRecordNotYetAccepted() {
        OffsetTracker tracker = new OffsetTracker();
        Pending a = tracker.add(record(0, 10));
        Pending b = tracker.add(record(0, 11));
        Pending c = tracker.add(record(0, 12));
        tracker.settle(a);
        tracker.settle(c);
        assertThat(tracker.committable()).containsEntry(P0, new OffsetAndMetadata(11));
        assertThat(tracker.outstanding()).isEqualTo(1);
        tracker.settle(b);
        assertThat(tracker.committable()).containsEntry(P0, new OffsetAndMetadata(13));
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void aPartitionWithNothingAcceptedYetHasNoOffsetToCommitAndPartitionsAreIndependent() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.add(record(0, 0));
        tracker.settle(tracker.add(record(1, 5)));
        assertThat(tracker.committable()).containsOnlyKeys(P1);
        assertThat(tracker.committable().get(P1)).isEqualTo(new OffsetAndMetadata(6));
    }

    @Test
    void aRecordRedeliveredAtAnOffsetAlreadyTakenIsNotTakenAgainAndIsCounted() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.add(record(0, 3));
        tracker.add(record(0, 4));
        assertThat(tracker.add(record(0, 4))).isNull();
        assertThat(tracker.add(record(0, 2))).isNull();
        assertThat(tracker.redelivered()).isEqualTo(2);
        assertThat(tracker.outstanding()).isEqualTo(2);
    }

    @Test
    void aForgottenPartitionFreesItsBufferAndIsTakenAfreshWhenAssignedAgain() {
        OffsetTracker tracker = new OffsetTracker();
        Pending late = tracker.add(record(0, 7));
        tracker.forget(List.of(P0));
        assertThat(tracker.outstanding()).isZero();
        tracker.settle(late);
        assertThat(tracker.outstanding()).isZero();
        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.add(record(0, 7))).isNotNull();
    }
}
