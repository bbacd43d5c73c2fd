package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The writer thread between a table's reader and its sink. */
class TableWriterTest {

    private static final Table TABLE = new Table(
            "things",
            List.of(Column.key("id", "id"), Column.raw()),
            List.of("id"),
            new TableSource.FullRefresh((client, settings) -> List.of()));

    @TempDir
    Path dir;

    /** Records calls; fails the write of row {@code failAt} (or never, with -1). */
    private static final class RecordingSink implements Sink {
        final List<String> calls = new ArrayList<>();
        final int failAt;
        int written;

        RecordingSink(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void open(Table table, OptionalLong position) {}

        @Override
        public void write(Table table, Map<String, Object> row) throws IOException {
            if (written == failAt) {
                throw new IOException("No space left on device");
            }
            written++;
            calls.add("write " + row.get("id"));
        }

        @Override
        public OptionalLong commit(Table table) {
            calls.add("commit");
            return OptionalLong.of(written);
        }

        @Override
        public void replace(Table table, List<Map<String, Object>> rows) {}

        @Override
        public String describe() {
            return "a recording";
        }

        @Override
        public void close() {}
    }

    private static Checkpoint.Refreshed checkpoint(int second) {
        return new Checkpoint.Refreshed(Instant.ofEpochSecond(second));
    }

    @Test
    void rowsAndCommitsReachTheSinkInTheOrderHandedOverAndEachCheckpointIsStoredWithItsCommitsPosition()
            throws IOException {
        RecordingSink sink = new RecordingSink(-1);
        SyncState state = SyncState.load(dir.resolve("state.json"));
        try (TableWriter writer = TableWriter.start(TABLE, sink, state)) {
            for (int i = 0; i < 1_201; i++) {
                writer.write(Map.of("id", i));
                if (i == 699) {
                    writer.checkpoint(checkpoint(700));
                }
            }
            writer.finish(checkpoint(1_201));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            expected.add("write " + i);
            if (i == 699) {
                expected.add("commit");
            }
        }
        expected.add("commit");
        assertThat(sink.calls).containsExactlyElementsOf(expected);
        assertThat(SyncState.load(dir.resolve("state.json")).get("things"))
                .isEqualTo(TableState.of(checkpoint(1_201), OptionalLong.of(1_201)));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a measurement
    void aWriteThatFailsReachesTheReaderAsTheSinksErrorAndNothingAfterItIsCommitted() throws IOException {
        RecordingSink sink = new RecordingSink(10);
        SyncState state = SyncState.load(dir.resolve("state.json"));
        try (TableWriter writer = TableWriter.start(TABLE, sink, state)) {
            assertThatThrownBy(() -> {
                        int rows = TableWriter.BATCH_ROWS * (TableWriter.QUEUE_BATCHES + 4);
                        for (int i = 0; i < rows; i++) {
                            writer.write(Map.of("id", i));
                            if (i % 1_000 == 999) {
                                writer.checkpoint(checkpoint(i + 1));
                            }
                        }
                        writer.finish(checkpoint(rows));
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessage("No space left on device");
        }
        assertThat(sink.calls).hasSize(10).doesNotContain("commit");
        assertThat(SyncState.load(dir.resolve("state.json")).get("things")).isEqualTo(TableState.empty());
    }
}
