package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON columns, most of a table's bytes, are stored compressed with ZSTD rather than DuckDB's default for text. */
class DuckDbCompressionTest {

    @TempDir
    Path dir;

    @Test
    void aNewTablesJsonColumnsAreCompressedWithZstdAndItsOtherTextKeepsDuckDbsChoice() throws Exception {
        try (DuckDbSink sink = new DuckDbSink(dir.resolve("a.duckdb"))) {
            sink.open(SinkContract.ROWS, OptionalLong.empty());
            for (Map<String, Object> row : SinkContract.rows(0, 3000)) {
                sink.write(SinkContract.ROWS, row);
            }
            sink.commit(SinkContract.ROWS);
            Map<String, String> compression = new HashMap<>();
            try (Statement statement = sink.connection().createStatement()) {
                statement.execute("CHECKPOINT");
                try (ResultSet rows = statement.executeQuery("SELECT column_name, min(compression) FROM"
                        + " pragma_storage_info('contract_rows') WHERE segment_type NOT IN ('VALIDITY')"
                        + " GROUP BY column_name")) {
                    while (rows.next()) {
                        compression.put(rows.getString(1), rows.getString(2));
                    }
                }
            }

            assertThat(compression).containsEntry("raw", "ZSTD").containsEntry("meta", "ZSTD");
            assertThat(compression.get("label")).isNotEqualTo("ZSTD");
        }
    }
}
