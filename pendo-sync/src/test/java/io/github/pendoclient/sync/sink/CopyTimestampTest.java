package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The text a first load gives PostgreSQL's COPY for a timestamp. */
class CopyTimestampTest {

    private static final DateTimeFormatter READ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSX");

    private static String text(long epochMillis) {
        Buffer out = new Buffer();
        CopyTimestamp.append(out, epochMillis);
        return out.readUtf8();
    }

    @Test
    void anInstantIsWrittenInUtcToTheMillisecond() {
        assertThat(text(1_790_270_940_123L)).isEqualTo("2026-09-24 17:29:00.123+00");
        assertThat(text(0L)).isEqualTo("1970-01-01 00:00:00.000+00");
    }

    @Test
    void instantsBefore1970AndAtBothEndsOfTheRangeKeepTheirDate() {
        assertThat(text(-1L)).isEqualTo("1969-12-31 23:59:59.999+00");
        assertThat(text(CopyTimestamp.FIRST)).isEqualTo("0001-01-01 00:00:00.000+00");
        assertThat(text(CopyTimestamp.LAST)).isEqualTo("9999-12-31 23:59:59.999+00");
    }

    @Test
    void randomInstantsReadBackAsTheSameInstant() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            long span = CopyTimestamp.LAST - CopyTimestamp.FIRST;
            long millis = CopyTimestamp.FIRST + (long) (random.nextDouble() * span);
            assertThat(OffsetDateTime.parse(text(millis), READ).toInstant().toEpochMilli())
                    .isEqualTo(millis);
            assertThat(OffsetDateTime.parse(text(millis), READ).getOffset()).isEqualTo(ZoneOffset.UTC);
        }
    }

    @Test
    void instantsOutsideTheYearsOneTo9999HaveNoText() {
        assertThat(CopyTimestamp.fits(CopyTimestamp.FIRST - 1)).isFalse();
        assertThat(CopyTimestamp.fits(CopyTimestamp.LAST + 1)).isFalse();
        assertThatThrownBy(() -> text(CopyTimestamp.LAST + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the years 1 to 9999");
    }
}
