package io.github.pendoclient.sync.push.source;

import io.github.pendoclient.sync.push.internal.JdbcRows;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;

/**
 * The rows of a PostgreSQL query, streamed with a cursor (auto-commit off, a fetch size), in a transaction that is
 * rolled back at the end: the query only reads. Needs the PostgreSQL JDBC driver ({@code org.postgresql:postgresql});
 * pendo-sync-cli has it. The password is used to connect and never kept, shown or logged.
 */
public final class PostgresSource extends SqlSource {

    private PostgresSource(JdbcRows rows, String description) {
        super(rows, description);
    }

    /**
     * Connects and runs a query.
     *
     * @param jdbcUrl for example {@code jdbc:postgresql://db.example.com:5432/warehouse}
     * @param user the user
     * @param password the password, which this method clears (fills with zeros) once connected
     * @param sql the query
     * @return the source
     * @throws IOException if the driver is missing, the connection fails, or the query fails
     */
    public static PostgresSource query(String jdbcUrl, String user, char[] password, String sql) throws IOException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sql, "sql");
        String description = "PostgreSQL query on " + jdbcUrl + " as " + user;
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException missing) {
            throw new IOException("Reading PostgreSQL needs its JDBC driver: add org.postgresql:postgresql to the"
                    + " application's dependencies (pendo-sync-cli has it)");
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", new String(password));
        properties.setProperty("ApplicationName", "pendo-sync push");
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new IOException("Cannot connect to PostgreSQL at " + jdbcUrl + " as " + user + ": " + e.getMessage()
                    + " (SQL state " + e.getSQLState() + ")");
        } finally {
            properties.clear();
            Arrays.fill(password, '\0');
        }
        return new PostgresSource(new JdbcRows(connection, sql, description), description);
    }
}
