package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

/** DuckDB: typed columns, upserts on the primary key, one transaction per commit. */
class DuckDbSinkContractTest extends SinkContract {

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
}
