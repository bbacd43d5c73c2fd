package io.github.pendoclient.sync.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.sync.CursorKind;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointKindsTest {

    @ParameterizedTest
    @EnumSource(CursorKind.class)
    void aCheckpointOfTheTablesKindFits(CursorKind kind) {
        assertThatCode(() -> CheckpointKinds.requireFits(kind, kind, "t", "it", IllegalStateException::new))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(CursorKind.values())
                .flatMap(found ->
                        EnumSet.complementOf(EnumSet.of(found)).stream().map(kept -> Arguments.of(found, kept)));
    }

    @ParameterizedTest(name = "{0} for a {1} table")
    @MethodSource("mismatches")
    void aCheckpointOfAnotherKindIsRefusedNamingOriginKindsAndTableInTheCallersException(
            CursorKind found, CursorKind kept) {
        assertThatThrownBy(() -> CheckpointKinds.requireFits(
                        found, kept, "accounts", "the state file s.json", IllegalStateException::new))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("the state file s.json holds a " + found + " checkpoint for accounts, which is a " + kept
                        + " table");
    }
}
