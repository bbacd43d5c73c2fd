package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each cursor kind pairs one source type with one checkpoint type. */
class CursorKindTest {

    static Stream<Arguments> pairs() {
        TableRegistry tables = TableRegistry.standard();
        return Stream.of(
                Arguments.of(
                        CursorKind.FULL_REFRESH,
                        tables.get("features").source(),
                        new Checkpoint.Refreshed(Instant.EPOCH)),
                Arguments.of(
                        CursorKind.KEYSET,
                        tables.get("visitors").source(),
                        new Checkpoint.KeysetPosition(List.of("v1"))),
                Arguments.of(CursorKind.TIME_WINDOWS, tables.get("events").source(), Checkpoint.CoveredWindows.none()),
                Arguments.of(
                        CursorKind.VISITOR_DAYS,
                        tables.get("visitor_history").source(),
                        new Checkpoint.VisitorDays(Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aSourceAndItsCheckpointHaveTheSameKind(CursorKind kind, TableSource source, Checkpoint checkpoint) {
        assertThat(source.cursorKind()).isEqualTo(kind);
        assertThat(checkpoint.kind()).isEqualTo(kind);
    }

    @Test
    void everySourceTypeAndEveryCheckpointTypeHasAKind() {
        assertThat(TableSource.class.getPermittedSubclasses()).hasSize(CursorKind.values().length);
        assertThat(Checkpoint.class.getPermittedSubclasses()).hasSize(CursorKind.values().length);
    }
}
