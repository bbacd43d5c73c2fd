package io.github.pendoclient.sync.push;

import static io.github.pendoclient.sync.push.PushFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.track.TrackEvent;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Track events through the engine into FakePendo: each unique key delivered once. */
class EventPushTest {

    private FakePendo pendo;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        pendo = FakePendo.builder().dataset(PushFixtures.visitors(5)).build().start();
    }

    @AfterEach
    void stop() {
        pendo.close();
    }

    static PushEngine.Builder eventPush(FakePendo pendo, String csv) throws IOException {
        return PushEngine.builder()
                .trackClient(pendo.trackClient())
                .source(PushFixtures.source(csv))
                .kind(PushKind.TRACK_EVENT)
                .events(PushEventOptions.builder()
                        .name("Plan Changed")
                        .visitorIdColumn("visitor_id")
                        .uniqueKeyColumn("key")
                        .build());
    }

    private static String events(int count) {
        StringBuilder text = new StringBuilder("key,visitor_id,plan\r\n");
        for (int i = 1; i <= count; i++) {
            text.append("k").append(i).append(',').append(id(i)).append(',').append(i % 2 == 0 ? "pro" : "team");
            text.append("\r\n");
        }
        return text.toString();
    }

    @Test
    void eventsPushedTwiceOverTheSameSourceAreDeliveredOnce() throws Exception {
        Path state = dir.resolve("events.state");
        PushResult first = eventPush(pendo, events(5)).stateFile(state).build().run();
        PushResult second = eventPush(pendo, events(5)).stateFile(state).build().run();

        assertThat(first.eventsDelivered()).isEqualTo(5);
        assertThat(second.eventsDelivered()).isZero();
        assertThat(second.unchanged()).isEqualTo(5);
        assertThat(pendo.requestCount(Endpoint.TRACK)).isEqualTo(5);
        assertThat(pendo.trackEvents()).hasSize(5);
        TrackEvent event = pendo.trackEvents().stream()
                .filter(e -> e.visitorId().equals(id(2)))
                .findFirst()
                .orElseThrow();
        assertThat(event.event()).isEqualTo("Plan Changed");
        assertThat(event.properties()).containsExactlyEntriesOf(java.util.Map.of("plan", "pro"));
    }

    @Test
    void aRowWithoutAUniqueKeyIsRejectedAndNotSent() throws Exception {
        PushResult result = eventPush(pendo, "key,visitor_id,plan\r\n," + id(1) + ",pro\r\n")
                .build()
                .run();

        assertThat(result.rejected()).isEqualTo(1);
        assertThat(pendo.requestCount(Endpoint.TRACK)).isZero();
    }
}
