package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The PostgreSQL types of the {@link PostgresSink}'s columns, in its tables and in their staging tables. */
final class PostgresTypes {

    /** The types {@link #sqlType} names, by their OIDs ({@code pg_type.oid}, fixed for built-in types). */
    private static final Map<ColumnType, Integer> TYPE_OIDS = Map.of(
            ColumnType.TEXT, 25,
            ColumnType.BIGINT, 20,
            ColumnType.DOUBLE, 701,
            ColumnType.BOOLEAN, 16,
            ColumnType.TIMESTAMP, 1184,
            ColumnType.JSON, 3802);

    private PostgresTypes() {}

    /**
     * The type of a column in the sink's tables.
     *
     * @param type the column's type
     * @return the PostgreSQL type
     */
    static String sqlType(ColumnType type) {
        switch (type) {
            case TEXT:
                return "text";
            case BIGINT:
                return "bigint";
            case DOUBLE:
                return "double precision";
            case BOOLEAN:
                return "boolean";
            case TIMESTAMP:
                return "timestamptz";
            case JSON:
                return "jsonb";
            default:
                throw new IllegalArgumentException("Unknown column type " + type);
        }
    }

    /**
     * The type of a column in a staging table: timestamps as epoch milliseconds and JSON as text, converted by the
     * merge.
     *
     * @param type the column's type
     * @return the PostgreSQL type
     */
    static String stagedType(ColumnType type) {
        return type == ColumnType.TIMESTAMP ? "bigint" : type == ColumnType.JSON ? "text" : sqlType(type);
    }

    /**
     * Whether a table's columns all have the types {@link #sqlType} gives them, which {@link CopyBinary} writes
     * binary fields for; a column whose type was altered by hand takes rows in text only.
     *
     * @param connection the sink's connection
     * @param table the quoted name of an existing table
     * @param columns the columns the rows will have
     * @return true if binary rows fit every column
     * @throws SQLException if the catalog cannot be read
     */
    static boolean fits(Connection connection, String table, List<Column> columns) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT attname, atttypid FROM pg_attribute"
                + " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    types.put(result.getString(1), result.getInt(2));
                }
            }
        }
        for (Column column : columns) {
            if (!TYPE_OIDS.get(column.type()).equals(types.get(column.name()))) {
                return false;
            }
        }
        return true;
    }
}
