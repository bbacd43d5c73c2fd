package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** PostgreSQL: a real server started by the tests (see {@link EmbeddedPostgres}), one new database per test. */
class PostgresSinkContractTest extends SinkContract {

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

    @Override
    List<Map<String, Object>> read(Table table) throws Exception {
        try (Connection connection =
                DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
            return TypedRows.read(
                    connection,
                    table,
                    PostgresSink.quote(table.name()),
                    name -> "(extract(epoch FROM " + name + ") * 1000)::bigint",
                    name -> name + "::text");
        }
    }
}
