package io.github.pendoclient.sync.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Source values converted to Pendo field types, and values refused with a reason. */
class ValueConverterTest {

    @Test
    void integersComeFromWholeNumbersAndTheirText() throws Exception {
        assertThat(ValueConverter.convert(" 42 ", "integer")).isEqualTo(42L);
        assertThat(ValueConverter.convert("42.0", "integer")).isEqualTo(42L);
        assertThat(ValueConverter.convert(new BigDecimal("7"), "integer")).isEqualTo(7L);
        assertThatThrownBy(() -> ValueConverter.convert("4.5", "integer"))
                .hasMessageContaining("'4.5'")
                .hasMessageContaining("whole number");
    }

    @Test
    void booleansComeFromTrueFalseYesNoAndOneZero() throws Exception {
        assertThat(ValueConverter.convert("YES", "boolean")).isEqualTo(true);
        assertThat(ValueConverter.convert("0", "boolean")).isEqualTo(false);
        assertThatThrownBy(() -> ValueConverter.convert("maybe", "boolean")).hasMessageContaining("true, false");
    }

    @Test
    void timesBecomeEpochMillisecondsInUtc() throws Exception {
        assertThat(ValueConverter.convert("2026-12-07T10:15:30Z", "time")).isEqualTo(1796638530000L);
        assertThat(ValueConverter.convert("2026-12-07 10:15:30", "time")).isEqualTo(1796638530000L);
        assertThat(ValueConverter.convert("2026-12-07", "time")).isEqualTo(1796601600000L);
        assertThat(ValueConverter.convert(LocalDate.of(2026, 12, 7), "time")).isEqualTo(1796601600000L);
        assertThatThrownBy(() -> ValueConverter.convert("next tuesday", "time")).hasMessageContaining("ISO-8601");
    }

    @Test
    void emptyTextIsNullSoTheFieldIsCleared() throws Exception {
        assertThat(ValueConverter.convert("", "integer")).isNull();
    }

    @Test
    void stringsTakeNumbersAsTheirPlainText() throws Exception {
        assertThat(ValueConverter.convert(3.0, "string")).isEqualTo("3");
        assertThat(ValueConverter.convert(new BigDecimal("12.50"), "string")).isEqualTo("12.5");
    }
}
