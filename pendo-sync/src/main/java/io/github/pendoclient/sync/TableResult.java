package io.github.pendoclient.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * How one table's sync went.
 *
 * @param table the table name
 * @param rows rows written in this run
 * @param elapsed wall time taken
 * @param requests HTTP attempts made, retries included
 * @param retries of which retries
 * @param error a one-line error naming the cause and the next step, or empty when the table synced
 */
public record TableResult(
        String table, long rows, Duration elapsed, long requests, long retries, Optional<String> error) {

    /**
     * Whether the table synced.
     *
     * @return true when there is no error
     */
    public boolean ok() {
        return error.isEmpty();
    }
}
