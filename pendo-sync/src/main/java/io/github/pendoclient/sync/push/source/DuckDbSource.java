package io.github.pendoclient.sync.push.source;

import io.github.pendoclient.sync.push.internal.JdbcRows;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

/**
 * The rows of a DuckDB SQL query, on an in-memory database (where the query can read files: {@code read_csv},
 * {@code read_parquet}, {@code read_json}, and join them) or on a database file opened read-only. Results stream.
 * Needs the DuckDB JDBC driver ({@code org.duckdb:duckdb_jdbc}) on the class path; pendo-sync-cli has it.
 */
public final class DuckDbSource extends SqlSource {

    private DuckDbSource(JdbcRows rows, String description) {
        super(rows, description);
    }

    /**
     * Runs a query on an in-memory database.
     *
     * @param sql the query, for example {@code SELECT * FROM read_parquet('visitors/*.parquet')}
     * @return the source
     * @throws IOException if DuckDB is missing or the query fails
     */
    public static DuckDbSource query(String sql) throws IOException {
        return new DuckDbSource(
                new JdbcRows(connect("jdbc:duckdb:", false, "an in-memory DuckDB database"), sql, "DuckDB query"),
                "DuckDB query");
    }

    /**
     * Runs a query on a database file, opened read-only.
     *
     * @param database the DuckDB file
     * @param sql the query
     * @return the source
     * @throws IOException if DuckDB is missing, the file cannot be opened, or the query fails
     */
    public static DuckDbSource query(Path database, String sql) throws IOException {
        Objects.requireNonNull(database, "database");
        String description = "DuckDB query on " + database;
        return new DuckDbSource(
                new JdbcRows(
                        connect("jdbc:duckdb:" + database.toAbsolutePath(), true, "the DuckDB database " + database),
                        sql,
                        description),
                description);
    }

    static Connection connect(String url, boolean readOnly, String what) throws IOException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException missing) {
            throw new IOException("Reading " + what + " needs the DuckDB JDBC driver: add org.duckdb:duckdb_jdbc to"
                    + " the application's dependencies (pendo-sync-cli has it)");
        }
        Properties config = new Properties();
        config.setProperty("jdbc_stream_results", "true");
        if (readOnly) {
            config.setProperty("duckdb.read_only", "true");
        }
        try {
            Connection connection = DriverManager.getConnection(url, config);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            return connection;
        } catch (SQLException e) {
            throw new IOException("Cannot open " + what + ": " + e.getMessage(), e);
        }
    }
}
