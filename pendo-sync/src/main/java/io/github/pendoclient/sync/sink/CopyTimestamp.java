package io.github.pendoclient.sync.sink;

import java.time.LocalDate;
import okio.Buffer;

/**
 * An instant in the text form that PostgreSQL's {@code COPY} reads into a {@code timestamptz}:
 * {@code 2026-11-23 17:05:09.123+00}, for the years 1 to 9999, written without a formatter (a first load writes
 * three for each event row).
 */
final class CopyTimestamp {

    /** 0001-01-01T00:00:00Z. */
    static final long FIRST = -62_135_596_800_000L;
    /** 9999-12-31T23:59:59.999Z. */
    static final long LAST = 253_402_300_799_999L;

    private static final long DAY = 86_400_000L;

    private CopyTimestamp() {}

    /**
     * Whether an instant has this text form: it falls in the years 1 to 9999.
     *
     * @param epochMillis the instant, in milliseconds since 1970-01-01T00:00:00Z
     * @return true if {@link #append} can write it
     */
    static boolean fits(long epochMillis) {
        return epochMillis >= FIRST && epochMillis <= LAST;
    }

    /**
     * Appends an instant that {@link #fits}.
     *
     * @param out where to append
     * @param epochMillis the instant, in milliseconds since 1970-01-01T00:00:00Z
     */
    static void append(Buffer out, long epochMillis) {
        if (!fits(epochMillis)) {
            throw new IllegalArgumentException(
                    "No COPY text for the instant " + epochMillis + " ms: outside the" + " years 1 to 9999");
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY));
        long ofDay = Math.floorMod(epochMillis, DAY);
        pad(out, date.getYear(), 4).writeByte('-');
        pad(out, date.getMonthValue(), 2).writeByte('-');
        pad(out, date.getDayOfMonth(), 2).writeByte(' ');
        pad(out, (int) (ofDay / 3_600_000), 2).writeByte(':');
        pad(out, (int) (ofDay / 60_000 % 60), 2).writeByte(':');
        pad(out, (int) (ofDay / 1_000 % 60), 2).writeByte('.');
        pad(out, (int) (ofDay % 1_000), 3).writeUtf8("+00");
    }

    private static Buffer pad(Buffer out, int value, int digits) {
        for (int limit = 10, i = 1; i < digits; i++, limit *= 10) {
            if (value < limit) {
                out.writeByte('0');
            }
        }
        return out.writeDecimalLong(value);
    }
}
