package io.github.pendoclient.examples.sync;

import java.time.Duration;

/**
 * How one table's sync went.
 *
 * @param table the table
 * @param rows rows written
 * @param elapsed time taken
 * @param requests HTTP attempts made
 * @param retries of which retries
 * @param error a one-line error, or null when the table synced
 */
record TableResult(String table, long rows, Duration elapsed, long requests, long retries, String error) {

    boolean ok() {
        return error == null;
    }
}
