package io.github.pendoclient.sync.push;

import static io.github.pendoclient.sync.push.PushFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.track.TrackClient;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential Pendo refuses (401, 403) stops the push at once and leaves every unsent row unsent in the state. */
class PushRefusedCredentialsTest {

    private static final String WRONG_SECRET = "test-wrong-shared-secret";

    private FakePendo pendo;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        pendo = FakePendo.builder().dataset(PushFixtures.visitors(6)).build().start();
    }

    @AfterEach
    void stop() {
        pendo.close();
    }

    private static String events(int count) {
        StringBuilder text = new StringBuilder("key,visitor_id,plan\r\n");
        for (int i = 1; i <= count; i++) {
            text.append("k").append(i).append(',').append(id(i)).append(",pro\r\n");
        }
        return text.toString();
    }

    @Test
    void aRefusedSharedSecretStopsTheRunAndTheNextRunSendsEveryEventOnce() throws Exception {
        Path state = dir.resolve("events.state");
        try (TrackClient wrong =
                pendo.trackClientBuilder().sharedSecret(WRONG_SECRET).build()) {
            PushEngine refused = EventPushTest.eventPush(pendo, events(6))
                    .trackClient(wrong)
                    .batchSize(2)
                    .stateFile(state)
                    .build();

            assertThatThrownBy(refused::run)
                    .isInstanceOfSatisfying(PushCredentialsRefusedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.result().eventsDelivered()).isZero();
                        assertThat(e.result().outcomeUnknown()).isZero();
                        assertThat(e.result().rejected()).isZero();
                    })
                    .hasMessageContaining(TrackClient.ENV_SHARED_SECRET)
                    .hasMessageNotContaining(WRONG_SECRET);
        }
        assertThat(pendo.requestCount(Endpoint.TRACK)).isEqualTo(2);

        PushResult next = EventPushTest.eventPush(pendo, events(6))
                .stateFile(state)
                .build()
                .run();

        assertThat(next.eventsDelivered()).isEqualTo(6);
        assertThat(next.outcomeUnknown()).isZero();
        assertThat(next.complete()).isTrue();
        assertThat(pendo.trackEvents()).hasSize(6);
    }

    @Test
    void aForbiddenEventIsNeitherDeliveredNorOfUnknownOutcomeAndIsSentOnceNextRun() throws Exception {
        Path state = dir.resolve("events.state");
        pendo.enqueueFault(Endpoint.TRACK, Fault.status(403));
        PushEngine refused = EventPushTest.eventPush(pendo, events(4))
                .batchSize(1)
                .stateFile(state)
                .build();

        assertThatThrownBy(refused::run)
                .isInstanceOfSatisfying(PushCredentialsRefusedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.result().outcomeUnknown()).isZero();
                })
                .hasMessageContaining(TrackClient.ENV_SHARED_SECRET);
        assertThat(pendo.requestCount(Endpoint.TRACK)).isEqualTo(1);
        assertThat(pendo.trackEvents()).isEmpty();

        PushResult next = EventPushTest.eventPush(pendo, events(4))
                .stateFile(state)
                .build()
                .run();

        assertThat(next.eventsDelivered()).isEqualTo(4);
        assertThat(next.outcomeUnknown()).isZero();
        assertThat(pendo.trackEvents()).hasSize(4);
        assertThat(pendo.requestCount(Endpoint.TRACK)).isEqualTo(5);
    }

    @Test
    void aRefusedKeyOnABulkUpdateStopsTheRunAndMarksNoRowAccepted() throws Exception {
        Path state = dir.resolve("visitors.state");
        pendo.enqueueFault(Endpoint.METADATA_BULK, Fault.status(401));
        PushEngine refused = visitorPush(PushFixtures.csv(6, 0))
                .batchSize(2)
                .stateFile(state)
                .build();

        assertThatThrownBy(refused::run)
                .isInstanceOfSatisfying(PushCredentialsRefusedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.result().sent()).isZero();
                })
                .hasMessageContaining(PendoClient.ENV_INTEGRATION_KEY)
                .hasMessageNotContaining(pendo.integrationKey());
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isEqualTo(1);

        PushResult next =
                visitorPush(PushFixtures.csv(6, 0)).stateFile(state).build().run();

        assertThat(next.newObjects()).isEqualTo(6);
        assertThat(next.sent()).isEqualTo(6);
    }

    private PushEngine.Builder visitorPush(String csv) throws IOException {
        return PushFixtures.visitorPush(pendo, csv);
    }
}
