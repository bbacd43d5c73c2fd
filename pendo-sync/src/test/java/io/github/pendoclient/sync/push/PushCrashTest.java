package io.github.pendoclient.sync.push;

import static io.github.pendoclient.sync.push.PushFixtures.csv;
import static io.github.pendoclient.sync.push.PushFixtures.id;
import static io.github.pendoclient.sync.push.PushFixtures.visitorPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.track.TrackEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies after some batches (a target that throws, standing in for kill -9 at that point), then a rerun:
 * Pendo ends as after one uninterrupted run, and the state claims no row Pendo did not accept.
 */
class PushCrashTest {

    private static final int ROWS = 100;
    private static final int BATCH = 10;

    private FakePendo pendo;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        pendo = FakePendo.builder().dataset(PushFixtures.visitors(ROWS)).build().start();
    }

    @AfterEach
    void stop() {
        pendo.close();
    }

    /** Delegates to Pendo, and dies on the call numbered {@code dieAt}, before or after Pendo applied it. */
    private static final class DyingTarget implements PushTarget {
        private final PushTarget pendo;
        private final int dieAt;
        private final boolean afterSending;
        private int calls;

        DyingTarget(PushTarget pendo, int dieAt, boolean afterSending) {
            this.pendo = pendo;
            this.dieAt = dieAt;
            this.afterSending = afterSending;
        }

        @Override
        public Map<String, String> fields(PushKind kind, String group) {
            return pendo.fields(kind, group);
        }

        @Override
        public UpdateResult update(PushKind kind, String group, List<MetadataRow> rows, boolean createMissing) {
            if (++calls == dieAt) {
                if (afterSending) {
                    pendo.update(kind, group, rows, createMissing);
                }
                throw new IllegalStateException("killed");
            }
            return pendo.update(kind, group, rows, createMissing);
        }

        @Override
        public List<EventOutcome> send(List<TrackEvent> events) {
            if (++calls == dieAt) {
                if (afterSending) {
                    pendo.send(events);
                }
                throw new IllegalStateException("killed");
            }
            return pendo.send(events);
        }
    }

    private void dieThenRerun(boolean afterSending) throws Exception {
        Path state = dir.resolve("state");
        PushTarget dying = new DyingTarget(new PendoTarget(pendo.client(), null), 4, afterSending);
        assertThatThrownBy(() -> visitorPush(pendo, csv(ROWS, 0))
                        .target(dying)
                        .stateFile(state)
                        .batchSize(BATCH)
                        .build()
                        .run())
                .hasMessage("killed");

        PushResult rerun = visitorPush(pendo, csv(ROWS, 0))
                .stateFile(state)
                .batchSize(BATCH)
                .build()
                .run();

        assertThat(rerun.unchanged()).isEqualTo(3 * BATCH);
        assertThat(rerun.sent()).isEqualTo(ROWS - 3 * BATCH);
        Map<String, Map<String, Object>> custom = PushFixtures.customByVisitor(pendo);
        for (int i = 1; i <= ROWS; i++) {
            assertThat(custom.get(id(i))).as(id(i)).containsEntry("plan", PushFixtures.plan(i, 0));
        }
        pendo.clearRequests();
        PushResult third =
                visitorPush(pendo, csv(ROWS, 0)).stateFile(state).build().run();
        assertThat(third.sent()).isZero();
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isZero();
    }

    @Test
    void aRunKilledBeforeItsFourthBatchIsSentResumesAfterTheThirdAndEndsExact() throws Exception {
        dieThenRerun(false);
    }

    @Test
    void aRunKilledAfterPendoAppliedItsFourthBatchResendsThatBatchAndEndsExact() throws Exception {
        dieThenRerun(true);
    }

    @Test
    void eventsOfABatchKilledAfterSendingAreSentAgainAndCountedAsOutcomeUnknown() throws Exception {
        Path state = dir.resolve("events.state");
        StringBuilder text = new StringBuilder("key,visitor_id,plan\r\n");
        for (int i = 1; i <= 30; i++) {
            text.append("k").append(i).append(',').append(id(i)).append(",pro\r\n");
        }
        PushTarget dying = new DyingTarget(new PendoTarget(null, pendo.trackClient()), 2, true);
        assertThatThrownBy(() -> EventPushTest.eventPush(pendo, text.toString())
                        .target(dying)
                        .stateFile(state)
                        .batchSize(BATCH)
                        .build()
                        .run())
                .hasMessage("killed");
        assertThat(pendo.trackEvents()).hasSize(20);

        PushResult rerun = EventPushTest.eventPush(pendo, text.toString())
                .stateFile(state)
                .batchSize(BATCH)
                .build()
                .run();

        assertThat(rerun.unchanged()).isEqualTo(10);
        assertThat(rerun.eventsDelivered()).isEqualTo(20);
        assertThat(rerun.outcomeUnknown()).isEqualTo(10);
        assertThat(pendo.trackEvents()).hasSize(40);
        assertThat(pendo.trackEvents().stream().map(TrackEvent::visitorId).distinct())
                .hasSize(30);
    }
}
