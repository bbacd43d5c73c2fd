package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file written by pendo-sync 0.x (this exact text) is read as before and written back unchanged. */
class SyncStateFormatTest {

    /** One table of every checkpoint kind, as SyncState writes them today. */
    static final String TODAY = "{\"version\":1,\"tables\":{"
            + "\"visitors\":{\"cursor\":[1700000000000,\"visitor \\\"q\\\"\"],\"position\":7},"
            + "\"events\":{\"covered\":\"[[1759276800000,1759449600000]]\",\"position\":12345},"
            + "\"visitor_history\":{\"syncedUntil\":{\"v1\":1759622400000,\"v2\":1759708800000},\"position\":9},"
            + "\"features\":{\"syncedAt\":1759734489000},"
            + "\"pages\":{\"position\":3}}}";

    @TempDir
    Path dir;

    @Test
    void aStateFileInTodaysFormatReadsAsTheSameCheckpoints() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, TODAY, StandardCharsets.UTF_8);

        SyncState state = SyncState.load(file);

        assertThat(state.get("visitors"))
                .isEqualTo(TableState.of(
                        new Checkpoint.KeysetPosition(List.of(1_700_000_000_000L, "visitor \"q\"")),
                        OptionalLong.of(7)));
        assertThat(state.get("events"))
                .isEqualTo(TableState.of(
                        new Checkpoint.CoveredWindows(WindowCheckpoint.empty()
                                .plus(Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-10-03T00:00:00Z"))),
                        OptionalLong.of(12_345)));
        assertThat(state.get("visitor_history"))
                .isEqualTo(TableState.of(
                        new Checkpoint.VisitorDays(Map.of(
                                "v1",
                                Instant.parse("2025-10-05T00:00:00Z"),
                                "v2",
                                Instant.parse("2025-10-06T00:00:00Z"))),
                        OptionalLong.of(9)));
        assertThat(state.get("features"))
                .isEqualTo(TableState.of(
                        new Checkpoint.Refreshed(Instant.parse("2025-10-06T07:08:09Z")), OptionalLong.empty()));
        assertThat(state.get("pages").checkpoint()).isEmpty();
        assertThat(state.get("pages").sinkPosition()).hasValue(3);
    }

    @Test
    void aStateFileInTodaysFormatIsWrittenBackByteForByte() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, TODAY, StandardCharsets.UTF_8);
        SyncState state = SyncState.load(file);

        state.put("features", state.get("features"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(TODAY);
    }

    @Test
    void theMetadataFieldColumnsAreKeptBesideTheCheckpointsAndReadBack() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, TODAY, StandardCharsets.UTF_8);
        List<FieldColumns.Field> fields = List.of(
                new FieldColumns.Field("custom", "Plan Tier", "custom_plan_tier", ColumnType.TEXT),
                new FieldColumns.Field("custom", "plan-tier", "custom_plan_tier_2", ColumnType.BIGINT));

        SyncState.load(file).putFieldColumns("visitors", fields);
        SyncState read = SyncState.load(file);

        assertThat(read.fieldColumns("visitors")).isEqualTo(fields);
        assertThat(read.fieldColumns("accounts")).isEmpty();
        Path before = Files.writeString(dir.resolve("before.json"), TODAY, StandardCharsets.UTF_8);
        for (String table : List.of("visitors", "events", "visitor_history", "features", "pages")) {
            assertThat(read.get(table))
                    .as(table)
                    .isEqualTo(SyncState.load(before).get(table));
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"metadataColumns\"");
    }
}
