package io.github.pendoclient.sync.push.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;

/**
 * Converts source values to the type of a Pendo metadata field ({@code Type} in the schema), as Pendo's bulk update
 * takes them: {@code string} a string; {@code integer} a {@code Long}; {@code float} a {@code Double};
 * {@code boolean} a {@code Boolean}; {@code time} epoch milliseconds as a {@code Long}. Null and empty text are
 * null (the field is cleared). Text is trimmed for numbers, booleans and times. A type Pendo does not name, or
 * {@code ""}, passes strings, numbers and booleans through.
 *
 * <p>Accepted: integers from whole numbers and integer text ({@code "42"}, {@code "42.0"}); floats from numbers and
 * decimal text; booleans from {@code true/false}, {@code yes/no}, {@code 1/0} in any case; times from epoch
 * milliseconds, ISO-8601 instants and offset date-times ({@code 2026-12-07T10:15:30Z}), date-times without an
 * offset (UTC), dates (midnight UTC), and JDBC timestamps and dates. Anything else is refused with a
 * {@link ConversionException} that says what was expected.
 */
public final class ValueConverter {

    private ValueConverter() {}

    /** A value that cannot be converted; the message says why and what would do. */
    public static final class ConversionException extends Exception {
        private static final long serialVersionUID = 1L;

        ConversionException(String message) {
            super(message);
        }
    }

    /**
     * Converts a value.
     *
     * @param value the source value
     * @param type the field's Pendo type
     * @return the value to send
     * @throws ConversionException if it cannot be converted
     */
    public static Object convert(Object value, String type) throws ConversionException {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            return null;
        }
        return switch (type) {
            case "string" -> text(value);
            case "integer" -> integer(value);
            case "float" -> decimal(value);
            case "boolean" -> bool(value);
            case "time" -> time(value);
            default -> loose(value);
        };
    }

    private static Object text(Object value) throws ConversionException {
        if (value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return plain(number);
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Date) {
            return value.toString();
        }
        throw refused(value, "a string", "text, a number or a boolean");
    }

    private static Object integer(Object value) throws ConversionException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal number = number(value, "an integer");
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWhole) {
            throw refused(value, "an integer", "a whole number within 64 bits, such as 42");
        }
    }

    private static Object decimal(Object value) throws ConversionException {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw refused(value, "a float", "a finite number");
            }
            return number;
        }
        return number(value, "a float").doubleValue();
    }

    private static BigDecimal number(Object value, String expected) throws ConversionException {
        try {
            if (value instanceof BigDecimal big) {
                return big;
            }
            if (value instanceof BigInteger big) {
                return new BigDecimal(big);
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            if (value instanceof String text) {
                return new BigDecimal(text.trim());
            }
        } catch (NumberFormatException notNumber) {
            // refused below
        }
        throw refused(value, expected, "a number such as 42 or 12.5");
    }

    private static Object bool(Object value) throws ConversionException {
        if (value instanceof Boolean) {
            return value;
        }
        String text = value instanceof Number number ? plain(number) : String.valueOf(value);
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw refused(value, "a boolean", "true, false, yes, no, 1 or 0");
        };
    }

    private static Object time(Object value) throws ConversionException {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant().toEpochMilli();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.toInstant().toEpochMilli();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof String raw) {
            String text = raw.trim();
            if (text.matches("-?\\d{1,19}")) {
                return Long.parseLong(text);
            }
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                // try the next form
            }
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'))
                        .toInstant(ZoneOffset.UTC)
                        .toEpochMilli();
            } catch (DateTimeParseException notLocal) {
                // try the next form
            }
            try {
                return LocalDate.parse(text)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli();
            } catch (DateTimeParseException notDate) {
                // refused below
            }
        }
        throw refused(
                value,
                "a time",
                "epoch milliseconds, an ISO-8601 date-time such as 2026-12-07T10:15:30Z (UTC without an offset)"
                        + " or a date such as 2026-12-07");
    }

    private static Object loose(Object value) throws ConversionException {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
            return plain(number);
        }
        return text(value);
    }

    private static String plain(Number number) {
        if (number instanceof BigDecimal big) {
            return big.stripTrailingZeros().toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return number.toString();
    }

    private static ConversionException refused(Object value, String expected, String accepted) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new ConversionException("'" + shown + "' (" + value.getClass().getSimpleName() + ") is not " + expected
                + "; the field takes " + accepted);
    }
}
