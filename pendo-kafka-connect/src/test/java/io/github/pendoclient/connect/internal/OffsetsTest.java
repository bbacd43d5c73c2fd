package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.CursorKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OffsetsTest {

    @Test
    void keysetPositionRoundTripsWithNumberAndTextParts() {
        Checkpoint position = new Checkpoint.KeysetPosition(List.of(1_700_000_000_123L, "visitor \"7\" ü"));
        assertThat(Offsets.checkpoint(Offsets.offset(position), CursorKind.KEYSET, "visitors"))
                .contains(position);
    }

    @Test
    void coveredWindowsRoundTripIncludingGaps() {
        WindowCheckpoint windows = WindowCheckpoint.empty()
                .plus(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"))
                .plus(Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z"));
        Checkpoint covered = new Checkpoint.CoveredWindows(windows);
        assertThat(Offsets.checkpoint(Offsets.offset(covered), CursorKind.TIME_WINDOWS, "page_events"))
                .contains(covered);
    }

    @Test
    void finishedRefreshRoundTripsAndOneUnderWayReadsAsNone() {
        Checkpoint refreshed = new Checkpoint.Refreshed(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(Offsets.checkpoint(Offsets.offset(refreshed), CursorKind.FULL_REFRESH, "features"))
                .contains(refreshed);
        assertThat(Offsets.checkpoint(
                        Offsets.refreshing(Instant.parse("2026-11-23T11:00:00Z")), CursorKind.FULL_REFRESH, "features"))
                .isEmpty();
    }

    @Test
    void offsetsAreFlatMapsOfStringsAndNumbersAsConnectStoresThem() {
        Map<String, Object> offset = Offsets.offset(new Checkpoint.KeysetPosition(List.of(5L, "v")));
        assertThat(offset.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Number.class));
    }

    @Test
    void noOffsetMeansStartFromTheBeginning() {
        assertThat(Offsets.checkpoint(null, CursorKind.KEYSET, "visitors")).isEmpty();
    }

    @Test
    void anOffsetOfAnotherKindSaysHowToResetIt() {
        Map<String, Object> windows = Offsets.offset(Checkpoint.CoveredWindows.none());
        assertThatThrownBy(() -> Offsets.checkpoint(windows, CursorKind.KEYSET, "visitors"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("visitors")
                .hasMessageContaining("/offsets");
    }

    @Test
    void aMalformedOffsetSaysHowToResetIt() {
        assertThatThrownBy(() ->
                        Offsets.checkpoint(Map.of("kind", "KEYSET", "key", "not json"), CursorKind.KEYSET, "visitors"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DELETE /connectors");
    }

    /** Offsets as the connector commits them today, with the checkpoint each stands for. */
    static Stream<Arguments> todaysOffsets() {
        return Stream.of(
                Arguments.of(
                        Map.of("kind", "KEYSET", "key", "[1700000000123,\"visitor \\\"7\\\"\"]"),
                        CursorKind.KEYSET,
                        new Checkpoint.KeysetPosition(List.of(1_700_000_000_123L, "visitor \"7\""))),
                Arguments.of(
                        Map.of("kind", "TIME_WINDOWS", "covered", "[[1761955200000,1762128000000]]"),
                        CursorKind.TIME_WINDOWS,
                        new Checkpoint.CoveredWindows(WindowCheckpoint.empty()
                                .plus(Instant.parse("2025-11-01T00:00:00Z"), Instant.parse("2025-11-03T00:00:00Z")))),
                Arguments.of(
                        Map.of("kind", "TIME_WINDOWS", "covered", "[]"),
                        CursorKind.TIME_WINDOWS,
                        Checkpoint.CoveredWindows.none()),
                Arguments.of(
                        Map.of("kind", "FULL_REFRESH", "synced_at", 1763892000000L),
                        CursorKind.FULL_REFRESH,
                        new Checkpoint.Refreshed(Instant.parse("2025-11-23T10:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("todaysOffsets")
    void anOffsetInTodaysFormatReadsAsItsCheckpointAndIsWrittenBackUnchanged(
            Map<String, Object> today, CursorKind kind, Checkpoint expected) {
        Checkpoint read = Offsets.checkpoint(today, kind, "t").orElseThrow();

        assertThat(read).isEqualTo(expected);
        assertThat(Offsets.offset(read)).isEqualTo(today);
    }

    @Test
    void aRefreshUnderWayInTodaysFormatIsWrittenAndReadAsBefore() {
        Map<String, Object> today = Map.of("kind", "FULL_REFRESH", "started_at", 1763895600000L);

        assertThat(Offsets.refreshing(Instant.parse("2025-11-23T11:00:00Z"))).isEqualTo(today);
        assertThat(Offsets.checkpoint(today, CursorKind.FULL_REFRESH, "features"))
                .isEmpty();
    }

    @Test
    void partitionNamesTableAndAppScope() {
        assertThat(Offsets.partition("visitors", List.of())).isEqualTo(Map.of("table", "visitors", "apps", "all"));
        assertThat(Offsets.partition("visitors", List.of(-323232L, 7L)))
                .isEqualTo(Map.of("table", "visitors", "apps", "-323232,7"));
    }
}
