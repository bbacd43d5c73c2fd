package io.github.pendoclient.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.CursorKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointCodecTest {

    private static final Checkpoint KEYSET =
            new Checkpoint.KeysetPosition(List.of(1_700_000_000_123L, "visitor \"7\" ü", true, 2.5));
    private static final Checkpoint WINDOWS = new Checkpoint.CoveredWindows(WindowCheckpoint.empty()
            .plus(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"))
            .plus(Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z")));
    private static final Checkpoint DAYS = new Checkpoint.VisitorDays(orderedDays());
    private static final Checkpoint REFRESHED = new Checkpoint.Refreshed(Instant.parse("2026-11-23T10:00:00.123Z"));

    private static Map<String, Instant> orderedDays() {
        Map<String, Instant> days = new LinkedHashMap<>();
        days.put("v2", Instant.parse("2026-11-05T00:00:00Z"));
        days.put("v1", Instant.parse("2026-11-04T00:00:00Z"));
        return days;
    }

    static Stream<Arguments> everyKindInEveryLayout() {
        return layouts()
                .flatMap(layout ->
                        everyKind().map(checkpoint -> Arguments.of(layout.get()[0], layout.get()[1], checkpoint)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("everyKindInEveryLayout")
    void everyCheckpointRoundTripsThroughEveryLayout(String layout, CheckpointCodec codec, Checkpoint checkpoint) {
        Map<String, Object> written = codec.write(checkpoint);

        assertThat(codec.kind(written)).contains(checkpoint.kind());
        assertThat(codec.read(written)).contains(checkpoint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aRoundTripKeepsTheOrderOfVisitorDays(String layout, CheckpointCodec codec) {
        Checkpoint.VisitorDays read =
                (Checkpoint.VisitorDays) codec.read(codec.write(DAYS)).orElseThrow();

        assertThat(read.syncedUntil().keySet()).containsExactly("v2", "v1");
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("state file", CheckpointCodec.STATE_FILE),
                Arguments.of("source offset", CheckpointCodec.SOURCE_OFFSET));
    }

    static Stream<Checkpoint> everyKind() {
        return Stream.of(KEYSET, WINDOWS, DAYS, REFRESHED);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void aSourceOffsetIsAFlatMapOfStringsAndNumbersNamingItsKind(Checkpoint checkpoint) {
        Map<String, Object> offset = CheckpointCodec.SOURCE_OFFSET.write(checkpoint);

        assertThat(offset.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Number.class));
        assertThat(offset).containsEntry("kind", checkpoint.kind().name());
    }

    @Test
    void theStateFileLayoutStoresEachKindUnderItsOwnField() {
        assertThat(CheckpointCodec.STATE_FILE.write(KEYSET)).containsOnlyKeys("cursor");
        assertThat(CheckpointCodec.STATE_FILE.write(WINDOWS)).containsOnlyKeys("covered");
        assertThat(CheckpointCodec.STATE_FILE.write(DAYS)).containsOnlyKeys("syncedUntil");
        assertThat(CheckpointCodec.STATE_FILE.write(REFRESHED)).containsOnlyKeys("syncedAt");
    }

    @Test
    void aStateFileEntryWithoutACheckpointReadsAsNone() {
        assertThat(CheckpointCodec.STATE_FILE.read(Map.of("position", 5L))).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(CheckpointCodec.SOURCE_OFFSET, Map.of("key", "[1]"), "kind field"),
                Arguments.of(CheckpointCodec.SOURCE_OFFSET, Map.of("kind", "CURSOR", "key", "[1]"), "CURSOR"),
                Arguments.of(CheckpointCodec.SOURCE_OFFSET, Map.of("kind", "KEYSET"), "no key field"),
                Arguments.of(CheckpointCodec.SOURCE_OFFSET, Map.of("kind", "KEYSET", "key", "not json"), "JSON"),
                Arguments.of(CheckpointCodec.SOURCE_OFFSET, Map.of("kind", "KEYSET", "key", "[]"), "at least one"),
                Arguments.of(
                        CheckpointCodec.SOURCE_OFFSET,
                        Map.of("kind", "KEYSET", "key", "[{\"a\":1}]"),
                        "strings, numbers or booleans"),
                Arguments.of(
                        CheckpointCodec.SOURCE_OFFSET,
                        Map.of("kind", "FULL_REFRESH", "synced_at", "soon"),
                        "synced_at"),
                Arguments.of(CheckpointCodec.STATE_FILE, Map.of("covered", List.of()), "covered"),
                Arguments.of(CheckpointCodec.STATE_FILE, Map.of("syncedUntil", Map.of("v1", "x")), "syncedUntil"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedCheckpointIsRefusedSayingWhatIsWrong(CheckpointCodec codec, Map<String, Object> saved, String says) {
        assertThatThrownBy(() -> codec.read(saved))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(says);
    }

    @Test
    void theLayoutsNameTheFieldOfEachKind() {
        assertThat(CheckpointCodec.SOURCE_OFFSET.field(CursorKind.FULL_REFRESH)).isEqualTo("synced_at");
        assertThat(CheckpointCodec.STATE_FILE.field(CursorKind.FULL_REFRESH)).isEqualTo("syncedAt");
    }
}
