package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed metadata columns in Parquet: the new column is in the files from its run on; old and new files read as one. */
class ParquetTypedColumnsTest extends TypedColumnsContract {

    @Override
    String kind() {
        return "parquet";
    }

    @Override
    String location() {
        return dir.resolve("parquet").toString();
    }

    private Path file() {
        return Path.of(location()).resolve("visitors.parquet");
    }

    @Override
    List<Map<String, Object>> read(Table table) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            return TypedRows.read(
                    connection,
                    table,
                    "read_parquet('" + file() + "')",
                    name -> "epoch_ms(" + name + ")",
                    name -> "CAST(" + name + " AS VARCHAR)");
        }
    }

    @Override
    Optional<String> storedType(String table, String column) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + file()
                                + "')) WHERE column_name = '" + column + "'")) {
            return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
        }
    }

    @Test
    void aReaderOverTheFileOfTheFirstRunAndTheFileOfTheRunThatAddedAColumnSeesBoth() throws Exception {
        sync(1, new int[1]);
        Path old = Files.copy(file(), dir.resolve("visitors-run1.parquet"));
        sync(2, new int[1]);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*), count(agent_region),"
                        + " count(*) FILTER (WHERE agent_email IS NOT NULL) FROM read_parquet(['" + old + "', '"
                        + file() + "'], union_by_name = true)")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(20 + 21);
            assertThat(result.getLong(2))
                    .as("the new column, in the new file only")
                    .isEqualTo(4);
            assertThat(result.getLong(3)).isEqualTo(41);
        }
    }
}
