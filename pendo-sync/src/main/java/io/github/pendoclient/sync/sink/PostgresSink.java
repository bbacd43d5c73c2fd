package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import okio.Buffer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A PostgreSQL database reached through JDBC, one table per Pendo table, upserted on the table's primary key.
 *
 * <p>Columns are typed: {@code text}, {@code bigint}, {@code double precision}, {@code boolean}, {@code timestamptz}
 * (from epoch milliseconds) and {@code jsonb}; the whole row is kept in the {@code jsonb} column {@code raw}. Tables
 * are created when missing, and columns a newer pendo-sync declares are added to an existing table.
 *
 * <p>Rows are streamed with {@code COPY} into a temporary staging table of the session and, at each commit, merged
 * into the table in one statement, {@code INSERT ... ON CONFLICT (key) DO UPDATE}, within the transaction that the
 * commit ends (the last row wins when a batch repeats a key). A first load, into a table that is empty when it is
 * opened (or replaced), is copied straight into the table with no staging and no merge, for as long as every key is
 * new: the sink remembers the keys it copied (as {@link FingerprintSet fingerprints}, up to
 * {@value #FIRST_LOAD_KEYS} of them) and stages the rest of the run as above from the first key that repeats or
 * past that many. Tables without a key are always copied straight in. A killed run leaves nothing half-merged: its
 * staging table dies with its session and its open transaction is rolled back. PostgreSQL cannot store the
 * character U+0000 in {@code text} or {@code jsonb}; it is replaced by U+FFFD.
 *
 * <p>Rows are sent in {@code COPY}'s binary format ({@link CopyBinary}), which the server reads without parsing
 * text; into a table whose columns were altered to other types than the sink's, in its text format
 * ({@link CopyText}), which the server converts. Both store the same values.
 */
public final class PostgresSink implements Sink {

    private static final int FLUSH_BYTES = 1 << 16;
    /**
     * The most keys a first load copies straight into a table (8 to 16 bytes of heap each) before it stages the
     * rest: 2<sup>20</sup>, at most 16 MB.
     */
    static final int FIRST_LOAD_KEYS = 1 << 20;

    /** A {@code COPY} under way: straight into the table, or into its staging table; binary or text rows. */
    private record Copy(CopyIn in, boolean straight, boolean binary) {}

    private final String description;
    private final Connection connection;
    private final Map<String, Copy> copies = new HashMap<>();
    /** Per table with a {@code COPY} under way: the lines not yet sent. */
    private final Map<String, Buffer> buffers = new HashMap<>();

    private final CopyText copyText = new CopyText();
    private final CopyBinary copyBinary = new CopyBinary();
    /** The tables whose columns have types other than the sink's (altered by hand): their rows go in as text. */
    private final Set<String> textTables = new HashSet<>();

    private final byte[] transfer = new byte[FLUSH_BYTES];
    /** Per table in a first load: the fingerprints of the keys copied straight in; absent once it stages rows. */
    private final Map<String, FingerprintSet> firstLoads = new HashMap<>();
    /** The tables whose staging table holds rows to merge at the next commit. */
    private final Set<String> staged = new HashSet<>();
    /** Per table: where its key columns stand, for {@link KeyFingerprint}. */
    private final Map<String, int[]> keyColumns = new HashMap<>();

    private int firstLoadKeys = FIRST_LOAD_KEYS;

    private PostgresSink(String description, Connection connection) {
        this.description = description;
        this.connection = connection;
    }

    /**
     * Connects to a PostgreSQL database.
     *
     * @param jdbcUrl the JDBC URL, {@code jdbc:postgresql://host:5432/database}; tables go to the connection's
     *     default schema (add {@code ?currentSchema=pendo} to choose one)
     * @param user the database user
     * @param password the user's password, or null for none; it is never printed
     * @return the sink, connected
     * @throws IOException if the database cannot be reached or rejects the login; its cause is the driver's
     *     {@link SQLException}, whose SQLSTATE tells a failed authentication ({@code 28P01}, {@code 28000})
     */
    public static PostgresSink connect(String jdbcUrl, String user, String password) throws IOException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        String where = withoutParameters(jdbcUrl);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "pendo-sync");
        try {
            Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
            if (connection == null) {
                throw new IOException(
                        "Not a PostgreSQL JDBC URL: " + where + " (expected jdbc:postgresql://host:port/database)");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE 'UTC'");
            }
            connection.commit();
            return new PostgresSink("PostgreSQL database " + where + " as " + user, connection);
        } catch (SQLException e) {
            String state = e.getSQLState();
            String reason = "28P01".equals(state) || "28000".equals(state)
                    ? "authentication failed for user " + user + " (" + e.getMessage() + ")"
                    : password == null && "08004".equals(state)
                            ? "the server asks for a password and none was given"
                            : e.getMessage();
            throw new IOException("Cannot connect to PostgreSQL at " + where + " as " + user + ": " + reason, e);
        }
    }

    /** The URL without its parameters and without any user info before {@code @}: both may carry a password. */
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String head = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return head.replaceAll("//[^/]*@", "//***@");
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String stage(Table table) {
        return quote("pendo_sync_stage_" + table.name());
    }

    /**
     * Sets how many keys a first load copies straight in before staging the rest, for tests.
     *
     * @param keys the most keys, at least 1
     * @return this sink
     */
    PostgresSink firstLoadKeys(int keys) {
        this.firstLoadKeys = keys;
        return this;
    }

    /**
     * Whether the next rows of a table go straight into it (a first load whose keys are all new so far).
     *
     * @param table the table
     * @return true if they are copied straight in, false if they are staged and merged
     */
    boolean copiesStraightIn(Table table) {
        return table.primaryKey().isEmpty() || firstLoads.containsKey(table.name());
    }

    @Override
    public void open(Table table, OptionalLong position) throws IOException {
        try {
            prepare(table);
            firstLoads.remove(table.name());
            try (Statement statement = connection.createStatement();
                    ResultSet any = statement.executeQuery("SELECT 1 FROM " + quote(table.name()) + " LIMIT 1")) {
                if (!any.next()) {
                    firstLoads.put(table.name(), new FingerprintSet(firstLoadKeys));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw failure("prepare table " + table.name(), e);
        }
    }

    private void prepare(Table table) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner stagedColumns = new StringJoiner(", ");
        for (Column column : table.columns()) {
            boolean key = table.primaryKey().contains(column.name());
            columns.add(quote(column.name()) + " " + PostgresTypes.sqlType(column.type()) + (key ? " NOT NULL" : ""));
            stagedColumns.add(quote(column.name()) + " " + PostgresTypes.stagedType(column.type()));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + quote(table.name()) + " (" + columns
                    + (table.primaryKey().isEmpty() ? "" : ", PRIMARY KEY (" + keyList(table) + ")") + ")");
            for (Column column : table.columns()) {
                statement.execute("ALTER TABLE " + quote(table.name()) + " ADD COLUMN IF NOT EXISTS "
                        + quote(column.name()) + " " + PostgresTypes.sqlType(column.type()));
            }
            statement.execute("DROP TABLE IF EXISTS pg_temp." + stage(table)); // it may lack columns added since
            statement.execute(
                    "CREATE TEMPORARY TABLE " + stage(table) + " (" + stagedColumns + ", pendo_sync_seq bigserial)");
        }
        staged.remove(table.name());
        if (PostgresTypes.fits(connection, quote(table.name()), table.columns())) {
            textTables.remove(table.name());
        } else {
            textTables.add(table.name());
        }
    }

    private static String keyList(Table table) {
        StringJoiner key = new StringJoiner(", ");
        table.primaryKey().forEach(name -> key.add(quote(name)));
        return key.toString();
    }

    /** The table's {@code COPY} under way, or a new one: straight into the table, or into its staging table. */
    private Copy copy(Table table, boolean straight) throws SQLException {
        Copy copy = copies.get(table.name());
        if (copy != null && copy.straight() != straight) {
            endCopy(table); // a first load that stages from here on: its rows so far stay
            copy = null;
        }
        if (copy == null) {
            if (!straight) {
                staged.add(table.name());
            }
            StringJoiner names = new StringJoiner(", ");
            table.columns().forEach(column -> names.add(quote(column.name())));
            boolean binary = !straight || !textTables.contains(table.name()); // the staging table is always ours
            CopyIn in = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + (straight ? quote(table.name()) : stage(table)) + " (" + names + ") FROM STDIN"
                            + (binary ? " (FORMAT binary)" : ""));
            copy = new Copy(in, straight, binary);
            copies.put(table.name(), copy);
            Buffer rows = new Buffer();
            if (binary) {
                CopyBinary.begin(rows);
            }
            buffers.put(table.name(), rows);
        }
        return copy;
    }

    /** Ends the table's {@code COPY}, if one is under way. */
    private void endCopy(Table table) throws SQLException {
        Copy copy = copies.remove(table.name());
        if (copy != null) {
            Buffer rows = buffers.remove(table.name());
            if (copy.binary()) {
                CopyBinary.end(rows);
            }
            flush(copy.in(), rows);
            copy.in().endCopy();
        }
    }

    @Override
    public void write(Table table, Map<String, Object> row) throws IOException {
        try {
            List<Column> columns = table.columns();
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).value().apply(row);
            }
            boolean straight = straight(table, values);
            Copy copy = copy(table, straight);
            Buffer rows = buffers.get(table.name());
            if (copy.binary()) {
                copyBinary.row(rows, columns, values, straight);
            } else {
                copyText.row(rows, columns, values, straight);
            }
            if (rows.size() >= FLUSH_BYTES) {
                flush(copy.in(), rows);
            }
        } catch (SQLException e) {
            throw failure("write a row of " + table.name(), e);
        }
    }

    /**
     * Whether a row goes straight into its table: always without a key; in a first load while its key is new and
     * there is room to remember it, and its timestamps have a text form ({@link CopyTimestamp}). Otherwise the
     * first load ends here, and this row and the rest of the run are staged and merged.
     */
    private boolean straight(Table table, Object[] values) {
        if (table.primaryKey().isEmpty()) {
            return timestampsHaveText(table, values);
        }
        FingerprintSet keys = firstLoads.get(table.name());
        if (keys == null) {
            return false;
        }
        if (!keys.isFull()
                && timestampsHaveText(table, values)
                && keys.add(KeyFingerprint.of(
                        keyColumns.computeIfAbsent(table.name(), name -> KeyFingerprint.keyColumns(table)), values))) {
            return true;
        }
        firstLoads.remove(table.name());
        return false;
    }

    private static boolean timestampsHaveText(Table table, Object[] values) {
        List<Column> columns = table.columns();
        for (int i = 0; i < values.length; i++) {
            if (columns.get(i).type() == ColumnType.TIMESTAMP
                    && values[i] != null
                    && !CopyTimestamp.fits((Long) values[i])) {
                return false;
            }
        }
        return true;
    }

    private void flush(CopyIn copy, Buffer rows) throws SQLException {
        while (rows.size() > 0) {
            int read = rows.read(transfer, 0, transfer.length);
            copy.writeToCopy(transfer, 0, read);
        }
    }

    @Override
    public OptionalLong commit(Table table) throws IOException {
        try {
            endCopy(table);
            if (staged.remove(table.name())) {
                merge(table);
            }
            connection.commit();
            return OptionalLong.empty();
        } catch (SQLException e) {
            throw failure("commit " + table.name(), e);
        }
    }

    private void merge(Table table) throws SQLException {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner updates = new StringJoiner(", ");
        for (Column column : table.columns()) {
            String name = quote(column.name());
            names.add(name);
            values.add(
                    column.type() == ColumnType.TIMESTAMP
                            ? "TIMESTAMPTZ 'epoch' + " + name + " * INTERVAL '1 millisecond'"
                            : column.type() == ColumnType.JSON ? name + "::jsonb" : name);
            if (!table.primaryKey().contains(column.name())) {
                updates.add(name + " = EXCLUDED." + name);
            }
        }
        String sql;
        if (table.primaryKey().isEmpty()) {
            sql = "INSERT INTO " + quote(table.name()) + " (" + names + ") SELECT " + values + " FROM " + stage(table)
                    + " ORDER BY pendo_sync_seq";
        } else {
            // The last row wins when a batch repeats a key, as a row-by-row upsert would.
            sql = "INSERT INTO " + quote(table.name()) + " (" + names + ") SELECT " + values + " FROM (SELECT DISTINCT"
                    + " ON (" + keyList(table) + ") * FROM " + stage(table) + " ORDER BY " + keyList(table)
                    + ", pendo_sync_seq DESC) AS latest ON CONFLICT (" + keyList(table) + ") DO "
                    + (updates.length() == 0 ? "NOTHING" : "UPDATE SET " + updates);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            statement.execute("TRUNCATE " + stage(table));
        }
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
        try {
            prepare(table);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM " + quote(table.name()));
            }
            firstLoads.put(table.name(), new FingerprintSet(firstLoadKeys));
        } catch (SQLException e) {
            throw failure("replace " + table.name(), e);
        }
        for (Map<String, Object> row : rows) {
            write(table, row);
        }
        commit(table);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        SQLException failure = null;
        try {
            for (Copy copy : copies.values()) {
                if (copy.in().isActive()) {
                    copy.in().cancelCopy();
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            failure = e;
        } finally {
            copies.clear();
            buffers.clear();
            firstLoads.clear();
            staged.clear();
            try {
                connection.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw new IOException(
                    "PostgreSQL (" + description + ") could not close the connection cleanly (rows"
                            + " not committed were dropped): " + failure.getMessage(),
                    failure);
        }
    }

    /**
     * The error to throw; first the session is reset (copies ended, transaction rolled back), so that the next
     * table can still be written after this one failed.
     */
    private IOException failure(String what, SQLException e) {
        try {
            for (Copy copy : copies.values()) {
                if (copy.in().isActive()) {
                    copy.in().cancelCopy();
                }
            }
            copies.clear();
            buffers.clear();
            firstLoads.clear();
            staged.clear();
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException reset) {
            e.addSuppressed(reset);
        }
        return new IOException("PostgreSQL (" + description + ") could not " + what + ": " + e.getMessage(), e);
    }
}
