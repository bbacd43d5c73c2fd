package io.github.pendoclient.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration grammar of pendo-sync's options and the connector's settings. */
class DurationsTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("90d", Duration.ofDays(90)),
                Arguments.of("36h", Duration.ofHours(36)),
                Arguments.of("15m", Duration.ofMinutes(15)),
                Arguments.of("30s", Duration.ofSeconds(30)),
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0d", Duration.ZERO),
                Arguments.of(" 8H ", Duration.ofHours(8)),
                Arguments.of("8 h", Duration.ofHours(8)),
                Arguments.of("PT8H", Duration.ofHours(8)),
                Arguments.of("pt90m", Duration.ofMinutes(90)),
                Arguments.of("P2DT3H", Duration.ofDays(2).plusHours(3)),
                Arguments.of("PT0.5S", Duration.ofMillis(500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void everySpellingEitherParserAcceptedIsAccepted(String text, Duration expected) {
        assertThat(Durations.parse("--lag", text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "soon", "8", "8x", "8hours", "h", "-8h", "1.5h", "8h30m", "PT", "P1Y"})
    void anythingElseIsRefusedNamingTheOptionTheValueAndTheGrammar(String text) {
        assertThatThrownBy(() -> Durations.parse("--lag", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--lag takes a number and a unit")
                .hasMessageContaining("90d")
                .hasMessageContaining("PT8H")
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"-PT1H", "PT-1H", "P-1D"})
    void aNegativeDurationIsRefused(String text) {
        assertThatThrownBy(() -> Durations.parse("pendo.lag", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pendo.lag takes a duration that is not negative; got '" + text + "'");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"99999999999999999999d", "9223372036854775807d"})
    void aNumberTooLargeForADurationIsRefused(String text) {
        assertThatThrownBy(() -> Durations.parse("--history", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--history is too long");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0", "0d", "PT0S"})
    void zeroIsRefusedWhereTheOptionNeedsMore(String text) {
        assertThatThrownBy(() -> Durations.parse("--history", text, false, Duration.ofDays(3_650)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--history must be more than 0, for example 30d; got '" + text + "'");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"3651d", "87601h", "P3651D"})
    void aDurationOverTheOptionsLimitIsRefusedNamingTheLimit(String text) {
        assertThatThrownBy(() -> Durations.parse("--history", text, false, Duration.ofDays(3_650)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--history is at most 3650d; got '" + text + "'");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"3650d", "87600h", "1ms"})
    void aDurationWithinTheOptionsLimitsIsAccepted(String text) {
        assertThat(Durations.parse("--history", text, false, Duration.ofDays(3_650)))
                .isPositive();
    }
}
