package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New DuckDB tables carry no {@code PRIMARY KEY}; a table an earlier version created with one (and the staging
 * table a killed earlier run left in the file) still works.
 */
class DuckDbEarlierTablesTest {

    @TempDir
    Path dir;

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void aNewTableHasNotNullKeyColumnsAndNoPrimaryKeyIndex() throws Exception {
        Path file = dir.resolve("new.duckdb");
        try (DuckDbSink sink = new DuckDbSink(file)) {
            sink.open(SinkContract.ROWS, OptionalLong.empty());
            sink.write(SinkContract.ROWS, SinkContract.row(1));
            sink.commit(SinkContract.ROWS);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            assertThat(count(
                            connection,
                            "SELECT count(*) FROM duckdb_constraints() WHERE table_name ="
                                    + " 'contract_rows' AND constraint_type = 'PRIMARY KEY'"))
                    .isZero();
            assertThat(
                            count(
                                    connection,
                                    "SELECT count(*) FROM duckdb_constraints() WHERE table_name ="
                                            + " 'contract_rows' AND constraint_type = 'NOT NULL' AND constraint_column_names = ['id']"))
                    .isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_staging_%'"))
                    .as("staging lives in the temporary catalog, never in the file")
                    .isZero();
        }
    }

    @Test
    void aTableAnEarlierVersionCreatedWithAPrimaryKeyIsStillUpsertedOnIt() throws Exception {
        Path file = dir.resolve("earlier.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contract_rows (id VARCHAR NOT NULL, label VARCHAR, count BIGINT,"
                    + " score DOUBLE, active BOOLEAN, seen_at TIMESTAMP, meta JSON, raw JSON, PRIMARY KEY (id))");
            statement.execute("CREATE TABLE _staging_contract_rows (id VARCHAR)"); // left by a killed run
        }
        Map<String, Object> changed = new LinkedHashMap<>(SinkContract.row(3));
        changed.put("label", "changed");
        try (DuckDbSink sink = new DuckDbSink(file)) {
            sink.open(SinkContract.ROWS, OptionalLong.empty());
            for (int i = 0; i < 10; i++) {
                sink.write(SinkContract.ROWS, SinkContract.row(i));
            }
            sink.commit(SinkContract.ROWS);
            sink.write(SinkContract.ROWS, changed);
            sink.write(SinkContract.ROWS, SinkContract.row(4));
            sink.commit(SinkContract.ROWS);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            assertThat(count(connection, "SELECT count(*) FROM contract_rows")).isEqualTo(10);
            assertThat(count(connection, "SELECT count(*) FROM contract_rows WHERE label = 'changed'"))
                    .isEqualTo(1);
            assertThat(count(
                            connection,
                            "SELECT count(*) FROM duckdb_constraints() WHERE table_name ="
                                    + " 'contract_rows' AND constraint_type = 'PRIMARY KEY'"))
                    .isEqualTo(1);
            assertThat(count(connection, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_staging_%'"))
                    .as("the earlier run's staging table is dropped")
                    .isZero();
        }
    }
}
