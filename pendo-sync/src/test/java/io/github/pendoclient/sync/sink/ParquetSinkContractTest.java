package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

/** Parquet: the files read back with DuckDB's Parquet reader, timestamps as UTC instants. */
class ParquetSinkContractTest extends SinkContract {

    @Override
    String kind() {
        return "parquet";
    }

    @Override
    String location() {
        return dir.resolve("parquet").toString();
    }

    @Override
    List<Map<String, Object>> read(Table table) throws Exception {
        Path file = Path.of(location()).resolve(table.name() + ".parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            return TypedRows.read(
                    connection,
                    table,
                    "read_parquet('" + file + "')",
                    name -> "epoch_ms(" + name + ")",
                    name -> "CAST(" + name + " AS VARCHAR)");
        }
    }
}
