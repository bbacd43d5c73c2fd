package io.github.pendoclient.examples.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
final class DuckDbSink implements Sink {

    private final Path file;
    private final DuckDBConnection connection;
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();

    DuckDbSink(Path file) throws SQLException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new SQLException("Cannot open " + file + ": " + e.getMessage(), e);
        }
        Connection opened = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        this.connection = opened.unwrap(DuckDBConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
        connection.setAutoCommit(false);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String stage(TableSpec table) {
        return "_staging_" + table.name();
    }

    private DuckDBAppender appender(TableSpec table) throws SQLException {
        DuckDBAppender appender = appenders.get(table.name());
        if (appender != null) {
            return appender;
        }
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner staged = new StringJoiner(", ");
        for (Column column : table.columns()) {
            boolean key = table.primaryKey().contains(column.name());
            columns.add(quote(column.name()) + " " + column.type() + (key ? " NOT NULL" : ""));
            staged.add(quote(column.name()) + " " + switch (column.type()) {
                case "TIMESTAMP" -> "BIGINT";
                case "JSON" -> "VARCHAR";
                default -> column.type();
            });
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

    @Override
    public void restore(TableSpec table, Long position) throws SQLException {
        appender(table);
    }

    @Override
    public void write(TableSpec table, Map<String, Object> row) throws SQLException {
        DuckDBAppender appender = appender(table);
        appender.beginRow();
        for (Column column : table.columns()) {
            Object value = column.value().apply(row);
            if (value == null) {
                appender.appendNull();
            } else if (column.type().equals("JSON")) {
                appender.append(JsonText.write(value));
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
    }

    @Override
    public Long commit(TableSpec table) throws SQLException {
        appender(table).flush();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (Column column : table.columns()) {
            names.add(quote(column.name()));
            values.add(switch (column.type()) {
                case "TIMESTAMP" -> "epoch_ms(" + quote(column.name()) + ")";
                case "JSON" -> "CAST(" + quote(column.name()) + " AS JSON)";
                default -> quote(column.name());
            });
        }
        try (Statement statement = connection.createStatement()) {
            // The last row wins when a staged batch repeats a key, as a row-by-row upsert would.
            statement.execute("INSERT OR REPLACE INTO " + quote(table.name()) + " (" + names + ") SELECT " + values
                    + " FROM (SELECT *, row_number() OVER () AS _n FROM " + quote(stage(table)) + ") "
                    + "QUALIFY _n = max(_n) OVER (PARTITION BY " + keyList(table) + ")");
            statement.execute("DELETE FROM " + quote(stage(table)));
        }
        connection.commit();
        return null;
    }

    private static String keyList(TableSpec table) {
        StringJoiner key = new StringJoiner(", ");
        (table.primaryKey().isEmpty() ? table.columns().stream().map(Column::name).toList() : table.primaryKey())
                .forEach(name -> key.add(quote(name)));
        return key.toString();
    }

    @Override
    public void replace(TableSpec table, List<Map<String, Object>> rows) throws SQLException {
        appender(table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + quote(table.name()));
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
    public void close() throws SQLException {
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
    }
}
