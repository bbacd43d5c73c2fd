package io.github.pendoclient.examples.sync;

import java.util.List;
import java.util.Map;

/**
 * Where synced rows go. Writes become durable at {@link #commit(TableSpec)}, which returns the position to store in
 * the state file; {@link #restore(TableSpec, Long)} rolls a table back to such a position before a run resumes, so
 * that rows written after the last checkpoint by a killed run are not kept twice.
 */
interface Sink extends AutoCloseable {

    /** Rolls a table back to a committed position (or to nothing, for null) before resuming. */
    void restore(TableSpec table, Long position) throws Exception;

    /** Writes one row: appended, or upserted on the primary key. */
    void write(TableSpec table, Map<String, Object> row) throws Exception;

    /** Makes the writes so far durable. */
    Long commit(TableSpec table) throws Exception;

    /** Replaces a whole table at once (full-refresh tables). */
    void replace(TableSpec table, List<Map<String, Object>> rows) throws Exception;

    /** Where the data went, for the summary. */
    String describe();

    @Override
    void close() throws java.io.IOException, java.sql.SQLException;
}
