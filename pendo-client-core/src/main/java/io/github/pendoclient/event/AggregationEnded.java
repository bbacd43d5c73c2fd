package io.github.pendoclient.event;

import java.time.Duration;
import java.util.Objects;

/**
 * An aggregation's result was read to its end, or its reading failed.
 *
 * @param source the pipeline's source type, for example {@code "events"} or {@code "visitors"}
 * @param rows how many rows were read
 * @param elapsed time from sending the query to the last row
 * @param succeeded whether the result was read completely
 */
public record AggregationEnded(String source, long rows, Duration elapsed, boolean succeeded) {

    /**
     * Checks the components.
     *
     * @param source the pipeline's source type, for example {@code "events"} or {@code "visitors"}
     * @param rows how many rows were read
     * @param elapsed time from sending the query to the last row
     * @param succeeded whether the result was read completely
     * @throws NullPointerException if a component is null
     */
    public AggregationEnded {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
