package io.github.pendoclient.sync.push.internal;

import io.github.pendoclient.sync.push.PushRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one SQL query, streamed: the statement runs with a fetch size (PostgreSQL streams only with
 * auto-commit off and a fetch size; DuckDB streams its results when opened with {@code jdbc_stream_results}), and one
 * row is held at a time. Values are the driver's, made plain: integers of up to 64 bits as {@code Long}, other
 * whole numbers and decimals as {@code BigDecimal}, floats as {@code Double}, strings, booleans, {@code LocalDate},
 * {@code LocalDateTime}, {@code OffsetDateTime}; anything else as its text.
 */
public final class JdbcRows implements AutoCloseable {

    private static final int FETCH_SIZE = 1_000;

    private final String description;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet results;
    private final List<String> columns = new ArrayList<>();
    private long number;

    /**
     * Runs the query; the rows own the connection and close it.
     *
     * @param connection an open connection
     * @param sql the query
     * @param description the source, for messages (never holding a password)
     * @throws IOException if the query fails
     */
    public JdbcRows(Connection connection, String sql, String description) throws IOException {
        this.description = description;
        this.connection = connection;
        try {
            if (connection.getAutoCommit() && connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                connection.setAutoCommit(false);
            }
            this.statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            this.results = statement.executeQuery(sql);
            ResultSetMetaData meta = results.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
        } catch (SQLException e) {
            closeQuietly();
            throw new IOException(description + ": the query failed: " + e.getMessage(), e);
        }
    }

    /** @return the result's column labels */
    public List<String> columns() {
        return columns;
    }

    /**
     * The next row.
     *
     * @return the row, or empty at the end
     * @throws IOException if the row cannot be read
     */
    public Optional<PushRow> next() throws IOException {
        try {
            if (!results.next()) {
                return Optional.empty();
            }
            number++;
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), plain(results.getObject(i + 1)));
            }
            return Optional.of(new PushRow(number, values));
        } catch (SQLException e) {
            throw new IOException(description + ", row " + (number + 1) + ": " + e.getMessage(), e);
        }
    }

    private static Object plain(Object value) throws SQLException {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Double
                || value instanceof BigDecimal
                || value instanceof LocalDate
                || value instanceof LocalDateTime
                || value instanceof OffsetDateTime) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Array array) {
            return String.valueOf(array.getArray());
        }
        return value.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            results.close();
            statement.close();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IOException(description + ": cannot close: " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the query's failure is the one to report
        }
    }
}
