package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.sync.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table that fails inside DuckDB's transaction does not fail the tables synced after it. */
class DuckDbSinkRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void theNextTableSyncsAfterAFailureAbortedTheTransaction() throws IOException, SQLException {
        Path file = dir.resolve("recovery.duckdb");
        Table failing = SinkContract.CATALOG;
        Table next = SinkContract.ROWS;
        try (DuckDbSink sink = new DuckDbSink(file)) {
            sink.open(failing, OptionalLong.empty());
            sink.write(failing, Map.of("appId", -323232L, "name", "page"));
            // What a failed statement does to the sink's connection: DuckDB aborts the open transaction.
            try (Statement statement = sink.connection().createStatement()) {
                assertThatThrownBy(() -> statement.execute("SELECT * FROM no_such_table"))
                        .isInstanceOf(SQLException.class);
            }

            sink.open(next, OptionalLong.empty());
            sink.write(next, SinkContract.row(2));
            sink.commit(next);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + next.name())) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }
}
