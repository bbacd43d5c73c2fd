package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one pull-style reader that both the engine and the Connect task read tables through. */
class TableReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Dataset DATASET = Dataset.generator(11)
            .visitors(120)
            .accounts(12)
            .days(2)
            .endingAt(NOW)
            .build();
    private static final SyncOptions SETTINGS = SyncOptions.builder()
            .clock(CLOCK)
            .start(NOW.minusSeconds(2 * 86_400))
            .hourly(true)
            .windowSize(6)
            .pageSize(25)
            .build();

    private static List<TableReader.Item> readAll(FakePendo pendo, Table table, Optional<Checkpoint> resume) {
        List<TableReader.Item> items = new ArrayList<>();
        try (TableReader reader = TableReader.open(table, resume, pendo.client(), SETTINGS)) {
            for (Optional<TableReader.Item> item = reader.next(); item.isPresent(); item = reader.next()) {
                items.add(item.get());
            }
        }
        return items;
    }

    private static List<Map<String, Object>> rows(List<TableReader.Item> items) {
        return items.stream().map(TableReader.Item::row).toList();
    }

    @Test
    void aKeysetRowsCheckpointResumesRightAfterThatRow() {
        Table visitors = TableRegistry.standard().get("visitors");
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            List<TableReader.Item> all = readAll(pendo, visitors, Optional.empty());
            assertThat(all)
                    .hasSizeGreaterThan(50)
                    .allSatisfy(item -> assertThat(item.exact()).isTrue());
            int cut = all.size() / 2;

            List<TableReader.Item> rest = readAll(pendo, visitors, all.get(cut).checkpoint());

            assertThat(rows(rest)).isEqualTo(rows(all).subList(cut + 1, all.size()));
        }
    }

    @Test
    void onlyAWindowsLastRowIsExactAndResumingThereReadsTheRestOnce() {
        Table events = TableRegistry.standard().get("events");
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            List<TableReader.Item> all = readAll(pendo, events, Optional.empty());
            assertThat(all).hasSizeGreaterThan(10);
            for (int i = 0; i < all.size() - 1; i++) {
                boolean windowEnds = !all.get(i).window().equals(all.get(i + 1).window());
                assertThat(all.get(i).exact())
                        .as("row %d ends its window: %s", i, windowEnds)
                        .isEqualTo(windowEnds);
            }
            assertThat(all.get(all.size() - 1).exact()).isTrue();
            int cut = firstExactAfter(all, all.size() / 2);

            List<TableReader.Item> rest = readAll(pendo, events, all.get(cut).checkpoint());

            assertThat(rows(rest)).isEqualTo(rows(all).subList(cut + 1, all.size()));
        }
    }

    @Test
    void aRowInsideAWindowLeavesItsWindowToBeReadAgain() {
        Table events = TableRegistry.standard().get("events");
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            List<TableReader.Item> all = readAll(pendo, events, Optional.empty());
            int inside = firstInexact(all);

            List<TableReader.Item> rest = readAll(pendo, events, all.get(inside).checkpoint());

            assertThat(rows(rest)).contains(all.get(inside).row());
            assertThat(rows(rest)).containsAll(rows(all).subList(inside, all.size()));
        }
    }

    @Test
    void aCheckpointOfAnotherKindIsRefusedWithTheTableNamed() {
        Table visitors = TableRegistry.standard().get("visitors");
        try (FakePendo pendo = FakePendo.builder().dataset(DATASET).build().start()) {
            Optional<Checkpoint> windows = Optional.of(new Checkpoint.CoveredWindows(WindowCheckpoint.empty()));

            assertThatThrownBy(() -> TableReader.open(visitors, windows, pendo.client(), SETTINGS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("visitors")
                    .hasMessageContaining("KEYSET");
        }
    }

    private static int firstExactAfter(List<TableReader.Item> items, int from) {
        for (int i = from; i < items.size(); i++) {
            if (items.get(i).exact()) {
                return i;
            }
        }
        throw new AssertionError("no window ends after row " + from);
    }

    private static int firstInexact(List<TableReader.Item> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).exact()) {
                return i;
            }
        }
        throw new AssertionError("every window has one row");
    }
}
