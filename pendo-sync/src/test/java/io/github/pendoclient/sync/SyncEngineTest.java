package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine as a library: a table declared in one place, typed checkpoints, and errors that say what to do. */
class SyncEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Dataset DATASET = Dataset.generator(7)
            .visitors(300)
            .accounts(30)
            .days(3)
            .endingAt(NOW)
            .build();

    @TempDir
    Path dir;

    /** Keeps rows in memory; can be told to fail on write. */
    private static class ListSink implements Sink {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final boolean failOnWrite;
        int commits;

        ListSink(boolean failOnWrite) {
            this.failOnWrite = failOnWrite;
        }

        @Override
        public void open(Table table, OptionalLong position) {}

        @Override
        public void write(Table table, Map<String, Object> row) throws IOException {
            if (failOnWrite) {
                throw new IOException("No space left on device");
            }
            rows.add(row);
        }

        @Override
        public OptionalLong commit(Table table) {
            commits++;
            return OptionalLong.of(rows.size());
        }

        @Override
        public void replace(Table table, List<Map<String, Object>> replaced) {
            rows.clear();
            rows.addAll(replaced);
        }

        @Override
        public String describe() {
            return "a list in memory";
        }

        @Override
        public void close() {}
    }

    private SyncEngine engine(FakePendo pendo, Sink sink, SyncState state, TableRegistry registry) {
        return SyncEngine.builder()
                .client(pendo.client())
                .sink(sink)
                .state(state)
                .registry(registry)
                .settings(SyncOptions.builder()
                        .clock(CLOCK)
                        .start(NOW.minusSeconds(3 * 86_400))
                        .build())
                .build();
    }

    @Test
    void aTableAddedWithOneDeclarationSyncsThroughTheEngine() throws IOException {
        Table segments = new Table(
                "segments",
                List.of(Column.key("id", "id"), Column.text("name", "name"), Column.raw()),
                List.of("id"),
                new TableSource.FullRefresh((client, settings) -> List.of(
                        Map.<String, Object>of("id", "s1", "name", "Admins"),
                        Map.<String, Object>of("id", "s2", "name", "Trial"))));
        TableRegistry registry =
                TableRegistry.standard().toBuilder().add(segments).build();
        ListSink sink = new ListSink(false);
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            SyncState state = SyncState.load(dir.resolve("state.json"));

            List<TableResult> results = engine(pendo, sink, state, registry).syncAll(List.of("segments"));

            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.ok()).isTrue();
                assertThat(result.rows()).isEqualTo(2);
            });
            assertThat(sink.rows).extracting(row -> row.get("name")).containsExactly("Admins", "Trial");
            assertThat(SyncState.load(dir.resolve("state.json")).get("segments").checkpoint())
                    .containsInstanceOf(Checkpoint.Refreshed.class);
        }
        assertThat(registry.names()).endsWith("visitor_history", "segments");
        assertThatThrownBy(() -> registry.toBuilder().add(segments)).hasMessageContaining("already registered");
    }

    @Test
    void aSinkThatCannotWriteFailsItsTableWithTheTableTheCauseAndTheNextStep() throws IOException {
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            SyncEngine engine = engine(
                    pendo, new ListSink(true), SyncState.load(dir.resolve("state.json")), TableRegistry.standard());

            List<TableResult> results = engine.syncAll(List.of("accounts", "features"));

            assertThat(results.get(0).error())
                    .hasValueSatisfying(error -> assertThat(error)
                            .startsWith("accounts: cannot write to a list in memory: No space left on device.")
                            .contains("run again")
                            .doesNotContain("\n"));
            assertThat(results.get(1).ok()).as("the other tables go on").isTrue();
        }
        assertThat(dir.resolve("state.json")).exists();
        assertThat(SyncState.load(dir.resolve("state.json")).get("accounts")).isEqualTo(TableState.empty());
    }

    @Test
    void checkpointsOfEveryKindSurviveTheStateFileTyped() throws IOException {
        Path file = dir.resolve("state.json");
        SyncState state = SyncState.load(file);
        Checkpoint keyset = new Checkpoint.KeysetPosition(List.of(1_700_000_000_000L, "visitor \"q\" ü"));
        Checkpoint windows = new Checkpoint.CoveredWindows(WindowCheckpoint.empty()
                .plus(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-03T00:00:00Z")));
        Checkpoint days = new Checkpoint.VisitorDays(Map.of("v1", Instant.parse("2026-10-05T00:00:00Z")));
        Checkpoint refreshed = new Checkpoint.Refreshed(Instant.parse("2026-10-06T07:08:09Z"));

        state.put("visitors", TableState.of(keyset, OptionalLong.empty()));
        state.put("events", TableState.of(windows, OptionalLong.of(12_345)));
        state.put("visitor_history", TableState.of(days, OptionalLong.of(9)));
        state.put("features", TableState.of(refreshed, OptionalLong.empty()));
        SyncState read = SyncState.load(file);

        assertThat(read.get("visitors")).isEqualTo(TableState.of(keyset, OptionalLong.empty()));
        assertThat(read.get("events")).isEqualTo(TableState.of(windows, OptionalLong.of(12_345)));
        assertThat(read.get("visitor_history")).isEqualTo(TableState.of(days, OptionalLong.of(9)));
        assertThat(read.get("features")).isEqualTo(TableState.of(refreshed, OptionalLong.empty()));
        assertThat(read.get("pages")).isEqualTo(TableState.empty());
        assertThat(Files.readString(file))
                .contains("\"cursor\":[1700000000000,")
                .contains("\"position\":12345");
    }

    @Test
    void aCheckpointOfTheWrongKindIsAnErrorNamingTheStateFile() throws IOException {
        SyncState state = SyncState.load(dir.resolve("state.json"));
        state.put("accounts", TableState.of(Checkpoint.CoveredWindows.none(), OptionalLong.empty()));
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            TableResult result = engine(pendo, new ListSink(false), state, TableRegistry.standard())
                    .syncAll(List.of("accounts"))
                    .get(0);

            assertThat(result.error())
                    .hasValueSatisfying(error -> assertThat(error)
                            .contains("holds a TIME_WINDOWS checkpoint for accounts, which is a KEYSET table")
                            .contains(dir.resolve("state.json").toString()));
        }
    }

    @Test
    void visitorsComeInLargePagesByDefaultAndThePageSizeSettingOverridesIt() throws IOException {
        long identified = DATASET.visitors().stream()
                .filter(visitor -> !visitor.id().startsWith("_PENDO_T_"))
                .count();
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            TableResult byDefault = engine(
                            pendo, new ListSink(false), SyncState.load(dir.resolve("a.json")), TableRegistry.standard())
                    .syncAll(List.of("visitors"))
                    .get(0);
            TableResult small = SyncEngine.builder()
                    .client(pendo.client())
                    .sink(new ListSink(false))
                    .state(SyncState.load(dir.resolve("b.json")))
                    .settings(SyncOptions.builder().clock(CLOCK).pageSize(100).build())
                    .build()
                    .syncAll(List.of("visitors"))
                    .get(0);

            assertThat(byDefault.rows()).isEqualTo(identified);
            // One request for the metadata schema (the typed columns), then the pages.
            assertThat(byDefault.requests()).as("one page of up to 50,000").isEqualTo(1 + 1);
            assertThat(small.rows()).isEqualTo(identified);
            assertThat(small.requests()).isEqualTo(1 + (identified + 99) / 100);
        }
        assertThat(((TableSource.KeysetPaged)
                                TableRegistry.standard().get("accounts").source())
                        .pageSize())
                .isEqualTo(50_000);
    }

    @Test
    void aWindowedTableCheckpointsEveryCheckpointRowsRatherThanAfterEveryWindow() throws IOException {
        ListSink sink = new ListSink(false);
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            SyncState state = SyncState.load(dir.resolve("state.json"));

            TableResult result = engine(pendo, sink, state, TableRegistry.standard())
                    .syncAll(List.of("page_events"))
                    .get(0);

            assertThat(result.ok()).isTrue();
            assertThat(result.rows()).isPositive().isLessThan(SyncEngine.CHECKPOINT_ROWS);
            assertThat(sink.commits)
                    .as("three day windows, fewer rows than CHECKPOINT_ROWS: one commit at the end")
                    .isEqualTo(1);
            assertThat(SyncState.load(dir.resolve("state.json"))
                            .get("page_events")
                            .checkpoint())
                    .containsInstanceOf(Checkpoint.CoveredWindows.class);
        }
    }

    @Test
    void aCheckpointIsStoredOnlyOnceTheSinkHasCommittedTheRowsItCovers() throws IOException {
        ListSink sink = new ListSink(false) {
            @Override
            public OptionalLong commit(Table table) {
                if (commits == 1) {
                    throw new IllegalStateException("the disk went away at the second commit");
                }
                return super.commit(table);
            }
        };
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            SyncState state = SyncState.load(dir.resolve("state.json"));
            SyncEngine engine = SyncEngine.builder()
                    .client(pendo.client())
                    .sink(sink)
                    .state(state)
                    .settings(SyncOptions.builder().clock(CLOCK).pageSize(100).build())
                    .build();

            TableResult result = engine.syncAll(List.of("visitors")).get(0);

            assertThat(result.error())
                    .hasValueSatisfying(error -> assertThat(error).contains("the disk went away at the second commit"));
            Checkpoint stored = SyncState.load(dir.resolve("state.json"))
                    .get("visitors")
                    .checkpoint()
                    .orElseThrow();
            assertThat(((Checkpoint.KeysetPosition) stored).key())
                    .as("the checkpoint of the first commit, after row 100, however far reading had gone")
                    .endsWith(sink.rows.get(99).get("visitorId"));
            assertThat(sink.rows.size())
                    .as("rows written before the failed commit")
                    .isGreaterThan(100);
        }
    }

    @Test
    void aTableDeclarationIsCheckedWhereItIsWritten() {
        assertThatThrownBy(
                        () -> new Table("Bad Name", List.of(Column.raw()), List.of(), new TableSource.VisitorHistory()))
                .hasMessageContaining("lower snake_case");
        assertThatThrownBy(() -> new Table("t", List.of(Column.raw()), List.of("id"), new TableSource.VisitorHistory()))
                .hasMessageContaining("key column id is not a column");
        assertThat(TableRegistry.standard().get("visitors").cursorKind()).isEqualTo(CursorKind.KEYSET);
        assertThat(TableRegistry.standard().get("events").cursorKind()).isEqualTo(CursorKind.TIME_WINDOWS);
        assertThatThrownBy(() -> TableRegistry.standard().get("nope")).hasMessageContaining("the tables are features");
    }
}
