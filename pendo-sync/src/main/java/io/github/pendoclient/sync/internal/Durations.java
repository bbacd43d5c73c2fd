package io.github.pendoclient.sync.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every option that takes a duration (pendo-sync's {@code --history} and {@code --lag},
 * the connector's {@code pendo.lag}): a whole number and a unit, {@code d}, {@code h}, {@code m}, {@code s} or
 * {@code ms} ({@code 90d}, {@code 36h}, {@code 15m}, {@code 30s}, {@code 500ms}; any case, blanks allowed between);
 * a bare {@code 0}; or an ISO-8601 duration ({@code PT8H}, {@code P2DT3H}). A refusal names the option and the value.
 */
public final class Durations {

    /** Spellings to show in help texts and messages. */
    public static final String EXAMPLES = "90d, 8h, 15m, 30s, 500ms or PT8H";

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {}

    /**
     * Reads a duration that may be zero and has no upper limit.
     *
     * @param option the option's name, for the message: {@code --lag}, {@code pendo.lag}
     * @param text the value as given
     * @return the duration, zero or positive
     * @throws IllegalArgumentException if the text is not a duration, or is negative: the message names the
     *                                  option, the value and the grammar
     */
    public static Duration parse(String option, String text) {
        return parse(option, text, true, null);
    }

    /**
     * Reads a duration within an option's limits.
     *
     * @param option the option's name, for the message
     * @param text the value as given
     * @param zeroAllowed whether zero is accepted
     * @param atMost the longest accepted, or null for no limit
     * @return the duration
     * @throws IllegalArgumentException if the text is not a duration, or is outside the limits: the message names
     *                                  the option, the value and what is accepted
     */
    public static Duration parse(String option, String text, boolean zeroAllowed, Duration atMost) {
        Duration duration = read(option, text);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(option + " takes a duration that is not negative; got '" + text + "'");
        }
        if (duration.isZero() && !zeroAllowed) {
            throw new IllegalArgumentException(option + " must be more than 0, for example 30d; got '" + text + "'");
        }
        if (atMost != null && duration.compareTo(atMost) > 0) {
            throw new IllegalArgumentException(option + " is at most " + shortForm(atMost) + "; got '" + text + "'");
        }
        return duration;
    }

    private static Duration read(String option, String text) {
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        try {
            Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                return Duration.parse(trimmed);
            }
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " is too long to be a duration; got '" + text + "'", e);
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof ArithmeticException) {
                throw new IllegalArgumentException(option + " is too long to be a duration; got '" + text + "'", e);
            }
            throw new IllegalArgumentException(
                    option + " takes a number and a unit (d, h, m, s or ms) or an" + " ISO-8601 duration, for example "
                            + EXAMPLES + "; got '" + text + "'",
                    e);
        }
    }

    private static String shortForm(Duration duration) {
        if (duration.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toMillis() % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMillis() % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toMillis() + "ms";
    }
}
