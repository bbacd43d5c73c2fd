package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An embedded DuckDB database, one table per Pendo table. Rows are upserted on the table's primary key; timestamps
 * are stored as {@code TIMESTAMP} (UTC), metadata and nested members as {@code JSON}, compressed with ZSTD (DuckDB's
 * default for text, dictionary and FSST, leaves JSON three times larger and takes longer to write it). Rows are
 * appended to a staging table with DuckDB's appender and merged at each commit, which also ends the transaction: the
 * rows whose key is staged are deleted and the staged rows inserted, in that one transaction. A first load (the table
 * empty when opened) appends its rows to the table itself, in the open transaction, while every key it has written
 * is new, which it tracks by fingerprint; from the first repeated key, or past 2<sup>20</sup> keys, its rows are
 * staged and its merges delete as well (the delete reaches the rows appended before). A table whose columns differ
 * from the declared ones (changed by hand or by an earlier version) is always staged. A resumed run refetches from
 * the last checkpoint, and the upserts make that idempotent.
 *
 * <p>The key columns are {@code NOT NULL} but carry no {@code PRIMARY KEY} constraint: DuckDB holds a primary key's
 * index in memory whole, which for the event tables' long composite keys grew to hundreds of megabytes, while the
 * delete-and-insert merge needs no index and runs within a small {@code memory_limit}. Tables that an earlier
 * version created with a {@code PRIMARY KEY} keep it and are merged with {@code INSERT OR REPLACE}.
 */
public final class DuckDbSink implements Sink {

    /**
     * Keys a batch remembers before it is merged early: 2<sup>20</sup> (at most 16 MB of heap), far more than the
     * engine writes between checkpoints.
     */
    static final int BATCH_KEYS = 1 << 20;

    private final Path file;
    private final DuckDBConnection connection;
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();
    /**
     * Per table in a first load whose columns are exactly the declared ones: an appender on the table itself, so
     * that the rows of a first load skip the staging table (and its copy and JSON check at each merge).
     */
    private final Map<String, DuckDBAppender> direct = new HashMap<>();
    /** Per table: the {@link KeyFingerprint}s of the keys staged since the last merge. */
    private final Map<String, FingerprintSet> batchKeys = new HashMap<>();
    /** Per table: where its key columns stand, for {@link KeyFingerprint}. */
    private final Map<String, int[]> keyColumns = new HashMap<>();
    /** Per table: whether it has a PRIMARY KEY constraint (created by an earlier version). */
    private final Map<String, Boolean> constrained = new HashMap<>();
    /**
     * Per table in a first load (empty when opened, every key new so far): the fingerprints of every key written
     * since it was opened, so that its merges need not delete anything. A repeated key, or more keys than the set
     * holds, ends the first load, and the merges delete as before from that batch on.
     */
    private final Map<String, FingerprintSet> firstLoads = new HashMap<>();

    private int firstLoadKeys = BATCH_KEYS;

    /**
     * Opens (or creates) a database file, and its parent directory if missing, with {@link DuckDbLimits#defaults()}.
     *
     * @param file the {@code .duckdb} file
     * @throws IOException if the file cannot be opened as a DuckDB database
     */
    public DuckDbSink(Path file) throws IOException {
        this(file, DuckDbLimits.defaults());
    }

    /**
     * Opens (or creates) a database file, and its parent directory if missing.
     *
     * @param file the {@code .duckdb} file
     * @param limits the memory and threads DuckDB may use
     * @throws IOException if the file cannot be opened as a DuckDB database
     */
    public DuckDbSink(Path file, DuckDbLimits limits) throws IOException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Class.forName("org.duckdb.DuckDBDriver");
            Properties config = new Properties();
            config.setProperty("memory_limit", limits.memoryLimit());
            config.setProperty("threads", String.valueOf(limits.threads()));
            // Rows need no order within a table; without it DuckDB's inserts and Parquet export buffer less.
            config.setProperty("preserve_insertion_order", "false");
            Connection opened = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), config);
            this.connection = opened.unwrap(DuckDBConnection.class);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            connection.setAutoCommit(false);
        } catch (SQLException | ClassNotFoundException e) {
            throw new IOException("Cannot open the DuckDB database " + file + ": " + e.getMessage(), e);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The staging table's name, in the temporary catalog. */
    private static String stage(Table table) {
        return "_staging_" + table.name();
    }

    /**
     * The staging table, qualified: a temporary table of the connection, kept in memory (spilled past the memory
     * limit) and never written to the database file or its log, since its rows are merged before each commit.
     */
    private static String staging(Table table) {
        return "temp.main." + quote(stage(table));
    }

    private static String duckDbType(ColumnType type) {
        switch (type) {
            case TEXT:
                return "VARCHAR";
            case BIGINT:
                return "BIGINT";
            case DOUBLE:
                return "DOUBLE";
            case BOOLEAN:
                return "BOOLEAN";
            case TIMESTAMP:
                return "TIMESTAMP";
            case JSON:
                return "JSON";
            default:
                throw new IllegalArgumentException("Unknown column type " + type);
        }
    }

    /** The staging table's type: timestamps arrive as epoch milliseconds, JSON as text. */
    private static String stagedType(ColumnType type) {
        return type == ColumnType.TIMESTAMP ? "BIGINT" : type == ColumnType.JSON ? "VARCHAR" : duckDbType(type);
    }

    private DuckDBAppender appender(Table table) throws SQLException {
        DuckDBAppender appender = appenders.get(table.name());
        if (appender != null) {
            return appender;
        }
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner staged = new StringJoiner(", ");
        for (Column column : table.columns()) {
            boolean key = table.primaryKey().contains(column.name());
            columns.add(quote(column.name()) + " " + duckDbType(column.type()) + (key ? " NOT NULL" : "")
                    + (column.type() == ColumnType.JSON ? " USING COMPRESSION zstd" : ""));
            staged.add(quote(column.name()) + " " + stagedType(column.type()));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + quote(table.name()) + " (" + columns + ")");
            addMissingColumns(statement, table);
            // Earlier versions kept the staging table in the database file; drop what a killed run of one left.
            statement.execute(
                    "DROP TABLE IF EXISTS " + quote(connection.getCatalog()) + ".main." + quote(stage(table)));
            // Replaced rather than reused: the table may have gained columns since this connection last staged it.
            statement.execute("CREATE OR REPLACE TEMP TABLE " + quote(stage(table)) + " (" + staged + ")");
        }
        if (!constrained.containsKey(table.name())) {
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM duckdb_constraints()"
                    + " WHERE schema_name = 'main' AND table_name = ? AND constraint_type = 'PRIMARY KEY'")) {
                query.setString(1, table.name());
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    constrained.put(table.name(), result.getLong(1) > 0);
                }
            }
        }
        appender = connection.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, stage(table));
        // DuckDB's appender refuses calls from a thread other than its creator's. The engine opens a table on its
        // own thread and writes it on a writer thread, one call at a time with the hand-over between them ordering
        // the calls (see Sink), so the appender is never used by two threads at once and needs no lock.
        appender.unsafeBreakThreadConfinement();
        appenders.put(table.name(), appender);
        return appender;
    }

    /**
     * Adds the columns the table lacks (a metadata field new in Pendo's schema, a column a newer pendo-sync
     * declares), within the open transaction: a run killed before its first commit leaves the table as it was.
     * Existing columns keep their type and rows; the new column is NULL in the rows already there.
     */
    private void addMissingColumns(Statement statement, Table table) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM duckdb_columns()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?")) {
            query.setString(1, table.name());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    existing.add(result.getString(1));
                }
            }
        }
        for (Column column : table.columns()) {
            if (!existing.contains(column.name())) {
                statement.execute("ALTER TABLE " + quote(table.name()) + " ADD COLUMN " + quote(column.name()) + " "
                        + duckDbType(column.type()));
            }
        }
    }

    private IOException failed(String what, Table table, SQLException e) {
        return new IOException(
                "DuckDB could not " + what + " " + table.name() + " in " + file + ": " + e.getMessage(), e);
    }

    /**
     * Sets how many keys a first load remembers before it merges with deletes, for tests.
     *
     * @param keys the most keys, at least 1
     * @return this sink
     */
    DuckDbSink firstLoadKeys(int keys) {
        this.firstLoadKeys = keys;
        return this;
    }

    /**
     * Whether the table's merges skip the delete: a first load whose keys are all new so far.
     *
     * @param table the table
     * @return true in a first load
     */
    boolean inFirstLoad(Table table) {
        return firstLoads.containsKey(table.name());
    }

    /**
     * Whether the table's rows go into the table itself rather than the staging table: a first load into a table
     * whose columns are the declared ones, until a key repeats.
     *
     * @param table the table
     * @return true while the rows skip the staging table
     */
    boolean appendsToTable(Table table) {
        return direct.containsKey(table.name());
    }

    @Override
    public void open(Table table, OptionalLong position) throws IOException {
        rollback();
        try {
            appender(table);
            if (!table.primaryKey().isEmpty()) {
                try (Statement statement = connection.createStatement();
                        ResultSet any = statement.executeQuery("SELECT 1 FROM " + quote(table.name()) + " LIMIT 1")) {
                    if (!any.next()) {
                        firstLoads.put(table.name(), new FingerprintSet(firstLoadKeys));
                        if (!Boolean.TRUE.equals(constrained.get(table.name())) && declaredLayout(table)) {
                            DuckDBAppender appender =
                                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name());
                            appender.unsafeBreakThreadConfinement(); // as for the staging appender
                            direct.put(table.name(), appender);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("create", table, e);
        }
    }

    @Override
    public void write(Table table, Map<String, Object> row) throws IOException {
        try {
            DuckDBAppender appender = appender(table);
            List<Column> columns = table.columns();
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).value().apply(row);
            }
            long key = KeyFingerprint.of(
                    keyColumns.computeIfAbsent(table.name(), name -> KeyFingerprint.keyColumns(table)), values);
            FingerprintSet firstLoad = firstLoads.get(table.name());
            if (firstLoad != null && (firstLoad.isFull() || !firstLoad.add(key))) {
                // A key written before (or too many to remember): this batch's merge deletes, and so do the rest.
                // The rows appended to the table itself so far stay there, and the merge's delete reaches them.
                firstLoads.remove(table.name());
                endDirect(table);
                firstLoad = null;
            }
            DuckDBAppender straight = firstLoad == null ? null : direct.get(table.name());
            if (straight != null) {
                // Every key so far is new: the row goes into the table itself, in the open transaction.
                append(straight, columns, values, true);
                return;
            }
            FingerprintSet keys = batchKeys.computeIfAbsent(table.name(), name -> new FingerprintSet(BATCH_KEYS));
            if (!keys.add(key)) {
                // A key repeats within the batch (or the batch remembers no more keys): merge what came before, so
                // that this row replaces it.
                merge(table);
                keys.add(key);
            }
            append(appender, columns, values, false);
        } catch (SQLException e) {
            throw failed("write a row of", table, e);
        }
    }

    /**
     * Appends one row's values: to the staging table (timestamps as epoch milliseconds) or to the table itself
     * ({@code intoTable}: timestamps as {@code TIMESTAMP}).
     */
    private static void append(DuckDBAppender appender, List<Column> columns, Object[] values, boolean intoTable)
            throws SQLException {
        appender.beginRow();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            ColumnType type = columns.get(i).type();
            if (value == null) {
                appender.appendNull();
            } else if (type == ColumnType.JSON) {
                // UTF-8 bytes, which the appender copies as they are into the VARCHAR or JSON column: the String of
                // toJson would be decoded from them and encoded again (the raw column is most of a row). The writer
                // only writes valid JSON, so the table's JSON column needs no check of it.
                appender.append(JsonValues.toJsonUtf8(value));
            } else if (value instanceof Long number) {
                if (intoTable && type == ColumnType.TIMESTAMP) {
                    appender.appendEpochMicros(epochMicros(number));
                } else {
                    appender.append(number.longValue());
                }
            } else if (value instanceof Double number) {
                appender.append(number.doubleValue());
            } else if (value instanceof Boolean flag) {
                appender.append(flag.booleanValue());
            } else {
                appender.append(String.valueOf(value));
            }
        }
        appender.endRow();
    }

    /** Epoch milliseconds as the microseconds of DuckDB's {@code TIMESTAMP}, refused as {@code epoch_ms} would. */
    private static long epochMicros(long millis) throws SQLException {
        try {
            return Math.multiplyExact(millis, 1000L);
        } catch (ArithmeticException outOfRange) {
            throw new SQLException("The timestamp " + millis + " ms is out of DuckDB's TIMESTAMP range", outOfRange);
        }
    }

    /**
     * Whether the table's columns are exactly the declared ones, in order and of the declared types, so that a row
     * can be appended to it as it is staged: not when an earlier version or a person added, dropped or changed one.
     */
    private boolean declaredLayout(Table table) throws SQLException {
        List<Column> columns = table.columns();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name, data_type FROM duckdb_columns()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?"
                + " ORDER BY column_index")) {
            query.setString(1, table.name());
            try (ResultSet result = query.executeQuery()) {
                int i = 0;
                while (result.next()) {
                    if (i >= columns.size()
                            || !columns.get(i).name().equals(result.getString(1))
                            || !duckDbType(columns.get(i).type()).equals(result.getString(2))) {
                        return false;
                    }
                    i++;
                }
                return i == columns.size();
            }
        }
    }

    /**
     * Begins the next transaction now. DuckDB's driver begins it at the next statement, and an appender flushed
     * before that commits its rows by itself: rows appended to the table itself after a commit would be committed
     * before their checkpoint.
     */
    private void beginTransaction() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** Ends the table's appends to itself: what they hold goes into the table, and later rows are staged. */
    private void endDirect(Table table) throws SQLException {
        DuckDBAppender appender = direct.remove(table.name());
        if (appender != null) {
            appender.close();
        }
    }

    @Override
    public OptionalLong commit(Table table) throws IOException {
        try {
            merge(table);
            connection.commit();
            if (direct.containsKey(table.name())) {
                beginTransaction();
            }
            return OptionalLong.empty();
        } catch (SQLException e) {
            throw failed("commit", table, e);
        }
    }

    /**
     * Upserts the staged rows into the table, within the open transaction. The staged rows have distinct keys
     * ({@link #write} merges early when a key repeats), so deleting the table's rows with a staged key and inserting
     * the staged rows keeps the last row of each key.
     */
    private void merge(Table table) throws SQLException {
        DuckDBAppender straight = direct.get(table.name());
        if (straight != null) {
            straight.flush();
        }
        appender(table).flush();
        FingerprintSet keys = batchKeys.get(table.name());
        if (keys != null) {
            keys.clear();
        }
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner sameKey = new StringJoiner(" AND ");
        for (Column column : table.columns()) {
            names.add(quote(column.name()));
            values.add(staged(column, ""));
            if (table.primaryKey().contains(column.name())) {
                sameKey.add("t." + quote(column.name()) + " = " + staged(column, "s."));
            }
        }
        boolean constraint = Boolean.TRUE.equals(constrained.get(table.name()));
        try (Statement statement = connection.createStatement()) {
            if (!constraint && !table.primaryKey().isEmpty() && !firstLoads.containsKey(table.name())) {
                statement.execute("DELETE FROM " + quote(table.name()) + " AS t USING " + staging(table)
                        + " AS s WHERE " + sameKey);
            }
            statement.execute("INSERT " + (constraint ? "OR REPLACE " : "") + "INTO " + quote(table.name()) + " ("
                    + names + ") SELECT " + values + " FROM " + staging(table));
            statement.execute("DELETE FROM " + staging(table));
        }
    }

    /** A staged column converted to the table's type: epoch milliseconds to a timestamp, text to JSON. */
    private static String staged(Column column, String alias) {
        String name = alias + quote(column.name());
        return column.type() == ColumnType.TIMESTAMP
                ? "epoch_ms(" + name + ")"
                : column.type() == ColumnType.JSON ? "CAST(" + name + " AS JSON)" : name;
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
        rollback();
        replaceRows(table, rows);
    }

    /** {@link #replace} within the open transaction, for {@link ParquetSink}, which marks the table in it first. */
    void replaceRows(Table table, List<Map<String, Object>> rows) throws IOException {
        try {
            appender(table);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM " + quote(table.name()));
            }
        } catch (SQLException e) {
            throw failed("replace", table, e);
        }
        for (Map<String, Object> row : rows) {
            write(table, row);
        }
        commit(table);
    }

    @Override
    public String describe() {
        return "DuckDB database " + file.toAbsolutePath();
    }

    /** The connection, for a sink built on this one ({@link ParquetSink}); its transaction is the sink's. */
    DuckDBConnection connection() {
        return connection;
    }

    /**
     * Drops the rows written since the last commit. Tables are synced one after another, so opening or replacing a
     * table first drops what a failed table left uncommitted, and clears a transaction DuckDB aborted on an error,
     * which would otherwise fail every later table.
     */
    void rollback() throws IOException {
        try {
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
            appenders.clear();
            for (DuckDBAppender appender : direct.values()) {
                appender.close();
            }
            direct.clear();
            batchKeys.clear();
            firstLoads.clear();
            connection.rollback();
        } catch (SQLException e) {
            throw new IOException("DuckDB could not roll back " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rollback();
            connection.close();
        } catch (SQLException e) {
            throw new IOException("DuckDB could not close " + file + " cleanly: " + e.getMessage(), e);
        }
    }
}
