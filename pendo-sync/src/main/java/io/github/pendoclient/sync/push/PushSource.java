package io.github.pendoclient.sync.push;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where pushed rows come from: a file, a query, anything that streams rows. Implement it to read a source of your
 * own; {@code io.github.pendoclient.sync.push.source} has CSV, JSON Lines, Parquet, DuckDB and PostgreSQL.
 *
 * <p>A source streams: it holds the current row and what it needs to read the next, never the whole source, so
 * memory stays flat with the row count. The engine reads it once, from one thread, to its end, then closes it.
 * Errors are {@link IOException}s whose message says which file or query and which row failed.
 */
public interface PushSource extends Closeable {

    /**
     * The column names, in order, known before the first row: a file's header, a query's result columns, the keys of
     * a JSON Lines file's first object.
     *
     * @return the columns
     * @throws IOException if the source cannot be read
     */
    List<String> columns() throws IOException;

    /**
     * The next row.
     *
     * @return the row, or empty at the end of the source
     * @throws IOException if the row cannot be read; the message names the row
     */
    Optional<PushRow> next() throws IOException;

    /**
     * What is read, for people: {@code "CSV file visitors.csv"}. Never contains a password.
     *
     * @return a short description
     */
    String describe();
}
