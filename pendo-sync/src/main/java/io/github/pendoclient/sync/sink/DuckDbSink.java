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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An embedded DuckDB database, one table per Pendo table. Rows are upserted on the primary key
 * ({@code INSERT OR REPLACE}); timestamps are stored as {@code TIMESTAMP} (UTC), metadata and nested members as
 * {@code JSON}. Rows are appended to a staging table with DuckDB's appender and upserted in one statement at each
 * commit, which also ends the transaction. A resumed run refetches from the last checkpoint, and the upserts make that
 * idempotent.
 */
public final class DuckDbSink implements Sink {

    private final Path file;
    private final DuckDBConnection connection;
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();

    /**
     * Opens (or creates) a database file, and its parent directory if missing.
     *
     * @param file the {@code .duckdb} file
     * @throws IOException if the file cannot be opened as a DuckDB database
     */
    public DuckDbSink(Path file) throws IOException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Class.forName("org.duckdb.DuckDBDriver");
            Connection opened = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            this.connection = opened.unwrap(DuckDBConnection.class);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            connection.setAutoCommit(false);
        } catch (SQLException | ClassNotFoundException e) {
            throw new IOException("Cannot open the DuckDB database " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String stage(Table table) {
        return "_staging_" + table.name();
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
            columns.add(quote(column.name()) + " " + duckDbType(column.type()) + (key ? " NOT NULL" : ""));
            staged.add(quote(column.name()) + " " + stagedType(column.type()));
        }
        StringJoiner key = new StringJoiner(", ");
        table.primaryKey().forEach(name -> key.add(quote(name)));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + quote(table.name()) + " (" + columns
                    + (table.primaryKey().isEmpty() ? "" : ", PRIMARY KEY (" + key + ")") + ")");
            statement.execute("CREATE TABLE IF NOT EXISTS " + quote(stage(table)) + " (" + staged + ")");
            statement.execute("DELETE FROM " + quote(stage(table)));
        }
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, stage(table));
        appenders.put(table.name(), appender);
        return appender;
    }

    private IOException failed(String what, Table table, SQLException e) {
        return new IOException("DuckDB could not " + what + " " + table.name() + " in " + file + ": "
                + e.getMessage(), e);
    }

    @Override
    public void open(Table table, OptionalLong position) throws IOException {
        try {
            appender(table);
        } catch (SQLException e) {
            throw failed("create", table, e);
        }
    }

    @Override
    public void write(Table table, Map<String, Object> row) throws IOException {
        try {
            DuckDBAppender appender = appender(table);
            appender.beginRow();
            for (Column column : table.columns()) {
                Object value = column.value().apply(row);
                if (value == null) {
                    appender.appendNull();
                } else if (column.type() == ColumnType.JSON) {
                    appender.append(JsonValues.toJson(value));
                } else if (value instanceof Long number) {
                    appender.append(number.longValue());
                } else if (value instanceof Double number) {
                    appender.append(number.doubleValue());
                } else if (value instanceof Boolean flag) {
                    appender.append(flag.booleanValue());
                } else {
                    appender.append(String.valueOf(value));
                }
            }
            appender.endRow();
        } catch (SQLException e) {
            throw failed("write a row of", table, e);
        }
    }

    @Override
    public OptionalLong commit(Table table) throws IOException {
        try {
            appender(table).flush();
            StringJoiner names = new StringJoiner(", ");
            StringJoiner values = new StringJoiner(", ");
            for (Column column : table.columns()) {
                names.add(quote(column.name()));
                values.add(column.type() == ColumnType.TIMESTAMP ? "epoch_ms(" + quote(column.name()) + ")"
                        : column.type() == ColumnType.JSON ? "CAST(" + quote(column.name()) + " AS JSON)"
                        : quote(column.name()));
            }
            try (Statement statement = connection.createStatement()) {
                // The last row wins when a staged batch repeats a key, as a row-by-row upsert would.
                statement.execute("INSERT OR REPLACE INTO " + quote(table.name()) + " (" + names + ") SELECT "
                        + values + " FROM (SELECT *, row_number() OVER () AS _n FROM " + quote(stage(table)) + ") "
                        + "QUALIFY _n = max(_n) OVER (PARTITION BY " + keyList(table) + ")");
                statement.execute("DELETE FROM " + quote(stage(table)));
            }
            connection.commit();
            return OptionalLong.empty();
        } catch (SQLException e) {
            throw failed("commit", table, e);
        }
    }

    private static String keyList(Table table) {
        StringJoiner key = new StringJoiner(", ");
        (table.primaryKey().isEmpty() ? table.columns().stream().map(Column::name).toList() : table.primaryKey())
                .forEach(name -> key.add(quote(name)));
        return key.toString();
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
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

    @Override
    public void close() throws IOException {
        try {
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
            connection.rollback();
            try (Statement statement = connection.createStatement()) {
                for (String table : appenders.keySet()) {
                    statement.execute("DROP TABLE IF EXISTS " + quote("_staging_" + table));
                }
            }
            connection.commit();
            connection.close();
        } catch (SQLException e) {
            throw new IOException("DuckDB could not close " + file + " cleanly: " + e.getMessage(), e);
        }
    }
}
