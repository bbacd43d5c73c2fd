package io.github.pendoclient.testing;

import java.time.Instant;
import java.util.Objects;

/**
 * The time a {@link Dataset}'s hourly events cover, {@code [from, to)}: from the start of the first hour to the end of
 * the last.
 *
 * @param from the start of the first hour with events
 * @param to the end of the last hour with events, after {@code from}
 */
public record EventRange(Instant from, Instant to) {

    /**
     * Checks the components.
     *
     * @param from the start
     * @param to the end
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException unless {@code from} is before {@code to}
     */
    public EventRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("An event range runs forward: from " + from + " is not before to " + to);
        }
    }
}
