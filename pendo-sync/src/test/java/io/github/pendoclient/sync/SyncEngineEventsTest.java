package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.SyncTableEnded;
import io.github.pendoclient.sync.sink.DiscardSink;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine tells its event listener when each table starts and how it ended. */
class SyncEngineEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Dataset DATASET =
            Dataset.generator(7).visitors(50).accounts(10).days(2).endingAt(NOW).build();

    @TempDir
    Path dir;

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final List<SyncTableEnded> ended = new CopyOnWriteArrayList<>();
    private final PendoEventListener listener = new PendoEventListener() {
        @Override
        public void syncTableStarted(String table) {
            started.add(table);
        }

        @Override
        public void syncTableEnded(SyncTableEnded event) {
            ended.add(event);
        }
    };

    private SyncEngine engine(FakePendo pendo, Sink sink) throws IOException {
        return SyncEngine.builder()
                .client(pendo.client())
                .sink(sink)
                .state(SyncState.load(dir.resolve("state.json")))
                .settings(SyncOptions.builder()
                        .clock(CLOCK)
                        .start(NOW.minusSeconds(2 * 86_400))
                        .build())
                .eventListener(listener)
                .build();
    }

    @Test
    void eachTableIsReportedStartedAndEndedWithItsRowsAndWhereItsDataIsCompleteThrough() throws IOException {
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            List<TableResult> results = engine(pendo, new DiscardSink()).syncAll(List.of("accounts", "page_events"));

            assertThat(started).containsExactly("accounts", "page_events");
            assertThat(ended).extracting(SyncTableEnded::table).containsExactly("accounts", "page_events");
            assertThat(ended)
                    .extracting(SyncTableEnded::rows)
                    .containsExactly(results.get(0).rows(), results.get(1).rows());
            assertThat(ended).allSatisfy(event -> assertThat(event.succeeded()).isTrue());
            assertThat(ended.get(1).dataThrough())
                    .as("an event table is complete up to its last covered window")
                    .hasValueSatisfying(through -> assertThat(through).isBeforeOrEqualTo(NOW));
        }
    }

    @Test
    void aTableThatFailsIsReportedAsNotSucceeded() throws IOException {
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            engine(pendo, new FailingSink()).syncAll(List.of("accounts"));

            assertThat(ended).singleElement().satisfies(event -> {
                assertThat(event.table()).isEqualTo("accounts");
                assertThat(event.succeeded()).isFalse();
            });
        }
    }

    @Test
    void theListenerIsKeptByToBuilder() throws IOException {
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            engine(pendo, new DiscardSink()).toBuilder().build().syncAll(List.of("accounts"));

            assertThat(started).containsExactly("accounts");
        }
    }

    /** Refuses every write. */
    private static final class FailingSink implements Sink {
        @Override
        public void open(Table table, OptionalLong position) {}

        @Override
        public void write(Table table, Map<String, Object> row) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public OptionalLong commit(Table table) {
            return OptionalLong.empty();
        }

        @Override
        public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public String describe() {
            return "a failing sink";
        }

        @Override
        public void close() {}
    }
}
