package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * One Parquet file per table, {@code <dir>/<table>.parquet}, written by DuckDB's own Parquet writer (ZSTD).
 *
 * <p>Parquet files cannot be updated in place, and a table must be upserted on its primary key across runs, so the
 * rows are kept in an embedded DuckDB database beside the files ({@code <dir>/.pendo-sync-staging.duckdb}, the same
 * storage as {@link DuckDbSink}) and each table changed by a run is exported when the sink closes: written to a
 * temporary file and moved over the old one, so a reader sees the previous file or the new one, never half of one.
 * Which tables await export is recorded in the staging database in the same transaction as their rows, so a table
 * whose run was killed is exported by the next run, whichever tables that run syncs. Timestamps are written as
 * {@code TIMESTAMP WITH TIME ZONE} (UTC instants), JSON columns as strings annotated JSON.
 */
public final class ParquetSink implements Sink {

    /** The staging database's name inside the directory. */
    public static final String STAGING_FILE = ".pendo-sync-staging.duckdb";

    private static final String PENDING = "_pendo_sync_parquet_pending";
    /**
     * Rows per Parquet row group. DuckDB builds a row group in memory before writing it; its default of 122,880 rows
     * of event JSON needs more than the staging database's default memory limit, while 16,384 such rows stay within
     * it and still make row groups of a few megabytes, as readers prefer. Wide rows are bounded by
     * {@link #ROW_GROUP_BYTES} instead.
     */
    static final int ROW_GROUP_ROWS = 16_384;
    /**
     * Bytes per Parquet row group, measured as DuckDB holds the rows in memory, which closes a row group before
     * {@link #ROW_GROUP_ROWS} when the rows are wide. A row count alone does not bound the memory: 16,384 visitors
     * with 50 metadata fields carry about 19 MB of metadata JSON, and DuckDB holds a row group's column values more
     * than once while it encodes and compresses them, so their export needed more than the default 64 MB
     * {@code memory_limit} ("Out of Memory", found by the typed-columns benchmark). DuckDB applies this bound
     * only without insertion order, which {@link DuckDbSink} turns off.
     */
    static final String ROW_GROUP_BYTES = "8MB";

    private final Path directory;
    private final DuckDbSink staging;

    /**
     * Opens (or creates) a directory of Parquet files and its staging database with {@link DuckDbLimits#defaults()},
     * and exports the tables that a killed run left committed but not exported.
     *
     * @param directory the directory
     * @throws IOException if the directory or the staging database cannot be opened
     */
    public ParquetSink(Path directory) throws IOException {
        this(directory, DuckDbLimits.defaults());
    }

    /**
     * Opens (or creates) a directory of Parquet files and its staging database, and exports the tables that a
     * killed run left committed but not exported.
     *
     * @param directory the directory
     * @param limits the memory and threads the staging DuckDB may use
     * @throws IOException if the directory or the staging database cannot be opened
     */
    public ParquetSink(Path directory, DuckDbLimits limits) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        this.staging = new DuckDbSink(directory.resolve(STAGING_FILE), limits);
        try (Statement statement = connection().createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + PENDING + " (table_name VARCHAR PRIMARY KEY)");
            connection().commit();
        } catch (SQLException e) {
            staging.close();
            throw new IOException(
                    "Cannot prepare the Parquet staging database in " + directory + ": " + e.getMessage(), e);
        }
        exportPending();
    }

    private Connection connection() {
        return staging.connection();
    }

    @Override
    public void open(Table table, OptionalLong position) throws IOException {
        staging.open(table, position);
    }

    @Override
    public void write(Table table, Map<String, Object> row) throws IOException {
        staging.write(table, row);
    }

    @Override
    public OptionalLong commit(Table table) throws IOException {
        markPending(table);
        return staging.commit(table);
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
        staging.open(table, OptionalLong.empty());
        markPending(table);
        staging.replaceRows(table, rows);
    }

    /** Records, in the transaction the next commit ends, that the table's file is behind its rows. */
    private void markPending(Table table) throws IOException {
        try (PreparedStatement statement =
                connection().prepareStatement("INSERT OR IGNORE INTO " + PENDING + " VALUES (?)")) {
            statement.setString(1, table.name());
            statement.execute();
        } catch (SQLException e) {
            throw new IOException(
                    "Cannot record a change of " + table.name() + " in " + staging.describe() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Exports every table whose rows changed since its file was written, then forgets that they did. */
    private void exportPending() throws IOException {
        try {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection().createStatement();
                    ResultSet pending =
                            statement.executeQuery("SELECT table_name FROM " + PENDING + " ORDER BY table_name")) {
                while (pending.next()) {
                    tables.add(pending.getString(1));
                }
            }
            for (String table : tables) {
                export(table);
                try (PreparedStatement done =
                        connection().prepareStatement("DELETE FROM " + PENDING + " WHERE table_name = ?")) {
                    done.setString(1, table);
                    done.execute();
                }
                connection().commit();
            }
        } catch (SQLException e) {
            throw new IOException("Cannot export Parquet files into " + directory + ": " + e.getMessage(), e);
        }
    }

    private void export(String table) throws SQLException, IOException {
        Path target = file(table);
        Path partial = directory.resolve(table + ".parquet.partial");
        StringJoiner columns = new StringJoiner(", ");
        try (PreparedStatement types = connection()
                .prepareStatement(
                        "SELECT column_name, data_type FROM"
                                + " information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            types.setString(1, table);
            try (ResultSet rows = types.executeQuery()) {
                while (rows.next()) {
                    String name = DuckDbSink.quote(rows.getString(1));
                    columns.add(
                            rows.getString(2).equals("TIMESTAMP")
                                    ? "CAST(" + name + " AS TIMESTAMPTZ) AS " + name
                                    : name);
                }
            }
        }
        try (Statement statement = connection().createStatement()) {
            statement.execute("COPY (SELECT " + columns + " FROM " + DuckDbSink.quote(table) + ") TO '"
                    + partial.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE " + ROW_GROUP_ROWS
                    + ", ROW_GROUP_SIZE_BYTES '" + ROW_GROUP_BYTES + "')");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The Parquet file of a table.
     *
     * @param table the table name
     * @return {@code <dir>/<table>.parquet}
     */
    public Path file(String table) {
        return directory.resolve(table + ".parquet");
    }

    @Override
    public String describe() {
        return "Parquet files in " + directory.toAbsolutePath();
    }

    /**
     * Exports the tables changed by this run, then closes the staging database. Rows not committed are dropped.
     *
     * @throws IOException if a file cannot be written; its rows stay in the staging database and the next run
     *     exports them
     */
    @Override
    public void close() throws IOException {
        try {
            staging.rollback();
            exportPending();
        } finally {
            staging.close();
        }
    }
}
