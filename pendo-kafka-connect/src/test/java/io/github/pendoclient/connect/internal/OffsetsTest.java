package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.CursorKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffsetsTest {

    @Test
    void keysetPositionRoundTripsWithNumberAndTextParts() {
        Checkpoint position = new Checkpoint.KeysetPosition(List.of(1_700_000_000_123L, "visitor \"7\" ü"));
        assertThat(Offsets.checkpoint(Offsets.offset(position), CursorKind.KEYSET, "visitors")).contains(position);
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
        assertThat(Offsets.checkpoint(Offsets.refreshing(Instant.parse("2026-11-23T11:00:00Z")),
                CursorKind.FULL_REFRESH, "features")).isEmpty();
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
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("visitors")
                .hasMessageContaining("/offsets");
    }

    @Test
    void aMalformedOffsetSaysHowToResetIt() {
        assertThatThrownBy(() -> Offsets.checkpoint(Map.of("kind", "KEYSET", "key", "not json"),
                CursorKind.KEYSET, "visitors")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DELETE /connectors");
    }

    @Test
    void partitionNamesTableAndAppScope() {
        assertThat(Offsets.partition("visitors", List.of())).isEqualTo(Map.of("table", "visitors", "apps", "all"));
        assertThat(Offsets.partition("visitors", List.of(-323232L, 7L)))
                .isEqualTo(Map.of("table", "visitors", "apps", "-323232,7"));
    }
}
