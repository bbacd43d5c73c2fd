package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a table's typed columns back through JDBC into each column's canonical Java value. */
final class TypedRows {

    private TypedRows() {}

    /**
     * Reads every row of {@code from}; {@code epochMillis} turns a quoted timestamp column into an expression of
     * epoch milliseconds, {@code jsonText} a JSON column into text.
     */
    static List<Map<String, Object>> read(
            Connection connection,
            Table table,
            String from,
            java.util.function.UnaryOperator<String> epochMillis,
            java.util.function.UnaryOperator<String> jsonText)
            throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            String name = "\"" + column.name() + "\"";
            select.append(i == 0 ? "" : ", ")
                    .append(
                            column.type() == ColumnType.TIMESTAMP
                                    ? epochMillis.apply(name)
                                    : column.type() == ColumnType.JSON ? jsonText.apply(name) : name);
        }
        select.append(" FROM ").append(from);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(select.toString())) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    Column column = table.columns().get(i);
                    Object value;
                    switch (column.type()) {
                        case BIGINT:
                        case TIMESTAMP:
                            value = result.getLong(i + 1);
                            break;
                        case DOUBLE:
                            value = result.getDouble(i + 1);
                            break;
                        case BOOLEAN:
                            value = result.getBoolean(i + 1);
                            break;
                        case JSON:
                            String text = result.getString(i + 1);
                            value = text == null ? null : JsonValues.parse(text);
                            break;
                        default:
                            value = result.getString(i + 1);
                    }
                    row.put(column.name(), result.wasNull() ? null : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
