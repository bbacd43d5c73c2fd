package io.github.pendoclient.sync.push;

import static io.github.pendoclient.sync.push.PushFixtures.csv;
import static io.github.pendoclient.sync.push.PushFixtures.id;
import static io.github.pendoclient.sync.push.PushFixtures.visitorPush;
import static io.github.pendoclient.sync.push.PushFixtures.visitors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ten thousand visitors through the engine into FakePendo: they land exactly, and a rerun sends only changes. */
class PushEngineTest {

    private static final int VISITORS = 10_000;
    private static FakePendo pendo;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        pendo = FakePendo.builder().dataset(visitors(VISITORS)).build().start();
    }

    @AfterAll
    static void stop() {
        pendo.close();
    }

    @Test
    void tenThousandVisitorsLandAndReadBackExactlyThenAHundredChangedRowsAreAllARerunSends() throws Exception {
        Path state = dir.resolve("visitors.state");
        PushResult first =
                visitorPush(pendo, csv(VISITORS, 0)).stateFile(state).build().run();

        assertThat(first.sent()).isEqualTo(VISITORS);
        assertThat(first.requests()).isEqualTo(VISITORS / PushEngine.DEFAULT_BATCH_SIZE);
        Map<String, Map<String, Object>> custom = PushFixtures.customByVisitor(pendo);
        for (int i = 1; i <= VISITORS; i++) {
            Map<String, Object> fields = custom.get(id(i));
            assertThat(fields).as(id(i)).containsOnlyKeys("plan", "seats", "mrr");
            assertThat(fields.get("plan")).as(id(i)).isEqualTo(PushFixtures.plan(i, 0));
            assertThat(fields.get("seats")).as(id(i)).isEqualTo(PushFixtures.seats(i));
            // JSON has one number type: 5.0 comes back as 5.
            assertThat(((Number) fields.get("mrr")).doubleValue()).as(id(i)).isEqualTo(PushFixtures.mrr(i));
        }

        StringBuilder changed = new StringBuilder("visitor_id,plan,seats,mrr\r\n");
        for (int i = 1; i <= VISITORS; i++) {
            changed.append(PushFixtures.row(i, i % 100 == 0 ? 1 : 0)).append("\r\n");
        }
        pendo.clearRequests();
        PushResult second =
                visitorPush(pendo, changed.toString()).stateFile(state).build().run();

        assertThat(second.sent()).isEqualTo(100);
        assertThat(second.changedObjects()).isEqualTo(100);
        assertThat(second.unchanged()).isEqualTo(VISITORS - 100);
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isEqualTo(1);
        assertThat(pendo.requests(Endpoint.METADATA_BULK).get(0).body().split("visitorId", -1))
                .hasSize(101);
        assertThat(PushFixtures.customByVisitor(pendo).get(id(300))).containsEntry("plan", PushFixtures.plan(300, 1));

        pendo.clearRequests();
        PushResult third =
                visitorPush(pendo, changed.toString()).stateFile(state).build().run();
        assertThat(third.sent()).isZero();
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isZero();
    }
}
