package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed metadata columns in DuckDB: added with ALTER TABLE, typed in the database. */
class DuckDbTypedColumnsTest extends TypedColumnsContract {

    @Override
    String kind() {
        return "duckdb";
    }

    @Override
    String location() {
        return dir.resolve("pendo.duckdb").toString();
    }

    @Override
    List<Map<String, Object>> read(Table table) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + location())) {
            return TypedRows.read(
                    connection,
                    table,
                    DuckDbSink.quote(table.name()),
                    name -> "epoch_ms(" + name + ")",
                    name -> "CAST(" + name + " AS VARCHAR)");
        }
    }

    @Override
    Optional<String> storedType(String table, String column) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + location());
                PreparedStatement query = connection.prepareStatement("SELECT data_type FROM"
                        + " information_schema.columns WHERE table_name = ? AND column_name = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }
}
