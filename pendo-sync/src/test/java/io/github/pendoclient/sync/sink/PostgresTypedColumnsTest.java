package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** Typed metadata columns in PostgreSQL: added with ALTER TABLE ... ADD COLUMN, typed in the database. */
class PostgresTypedColumnsTest extends TypedColumnsContract {

    private String url;

    @BeforeEach
    void createDatabase() {
        url = EmbeddedPostgres.shared().newDatabase();
    }

    @Override
    String kind() {
        return "postgres";
    }

    @Override
    String location() {
        return url;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }

    @Override
    List<Map<String, Object>> read(Table table) throws Exception {
        try (Connection connection = connect()) {
            return TypedRows.read(
                    connection,
                    table,
                    PostgresSink.quote(table.name()),
                    name -> "(extract(epoch FROM " + name + ") * 1000)::bigint",
                    name -> name + "::text");
        }
    }

    @Override
    Optional<String> storedType(String table, String column) throws Exception {
        try (Connection connection = connect();
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
