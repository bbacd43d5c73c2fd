package io.github.pendoclient.sync;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where synced rows go: files, a database, a topic. Implement it to add a storage of your own.
 *
 * <p>The engine calls a sink one call at a time and one table at a time, each call complete before the next begins
 * (a sink needs no locks), though not always from the same thread: a table's rows are written and committed on a
 * writer thread of its own, so that the sink's work overlaps the download of the next rows:
 * <ol>
 *   <li>{@link #open(Table, OptionalLong)} before a table's first row in a run, with the position committed with
 *       the table's last checkpoint, so that a sink can drop what a killed run wrote after that checkpoint;</li>
 *   <li>{@link #write(Table, Map)} for each row, then {@link #commit(Table)} at each checkpoint: from then on the
 *       rows so far must survive a crash. The engine records the checkpoint (with the returned position) only after
 *       the commit returns, so a resumed run may write rows after the last checkpoint again: a sink either
 *       upserts on {@link Table#primaryKey()} or rolls back to the position in {@link #open};</li>
 *   <li>or, for full-refresh tables, {@link #replace(Table, List)}, which swaps the whole table at once.</li>
 * </ol>
 *
 * <p>Row values are read with each {@link Column#value()}; their Java types are those named by
 * {@link ColumnType}. Errors are {@link IOException}s whose message says what failed (a driver's
 * {@code SQLException} is wrapped in one).
 */
public interface Sink extends Closeable {

    /**
     * Prepares a table for writing (creating it if needed) and rolls it back to a committed position.
     *
     * @param table the table
     * @param position what {@link #commit(Table)} returned with the last checkpoint, or empty for none (a sink that
     *     keeps positions then starts the table empty)
     * @throws IOException if the table cannot be prepared
     */
    void open(Table table, OptionalLong position) throws IOException;

    /**
     * Writes one row: appended, or upserted on the table's primary key.
     *
     * @param table the table, opened
     * @param row the row as the API returned it
     * @throws IOException if the row cannot be written
     */
    void write(Table table, Map<String, Object> row) throws IOException;

    /**
     * Makes the rows written so far durable.
     *
     * @param table the table
     * @return a position to pass back to {@link #open} on a resumed run, or empty when the sink needs none (it
     *     upserts)
     * @throws IOException if the rows cannot be made durable
     */
    OptionalLong commit(Table table) throws IOException;

    /**
     * Replaces a whole table at once (full-refresh tables): readers see the old rows or the new ones, never a mix.
     *
     * @param table the table
     * @param rows every row of the table
     * @throws IOException if the table cannot be replaced
     */
    void replace(Table table, List<Map<String, Object>> rows) throws IOException;

    /**
     * Where the data goes, for people: {@code "DuckDB database /data/pendo.duckdb"}.
     *
     * @return a short description
     */
    String describe();

    /**
     * Releases the sink's files or connections. Rows not committed may be lost; committed rows stay.
     *
     * @throws IOException if the sink cannot be closed cleanly
     */
    @Override
    void close() throws IOException;
}
