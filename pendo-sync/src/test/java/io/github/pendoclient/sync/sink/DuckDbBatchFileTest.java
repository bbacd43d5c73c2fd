package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's sink loads each batch through a newline-delimited JSON file beside the database: a file a killed run
 * left there is neither loaded nor kept by the next run, the sink leaves none behind when closed, and a row longer
 * than DuckDB's default largest JSON object still loads.
 */
class DuckDbBatchFileTest {

    private static final Table ROWS = SinkContract.ROWS;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("pendo.duckdb");
    }

    private Path batches() {
        return dir.resolve("pendo.duckdb.batches");
    }

    private List<Map<String, Object>> read() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file())) {
            return TypedRows.read(
                    connection,
                    ROWS,
                    DuckDbSink.quote(ROWS.name()),
                    name -> "epoch_ms(" + name + ")",
                    name -> "CAST(" + name + " AS VARCHAR)");
        }
    }

    @Test
    void aBatchFileAKilledRunLeftIsDeletedOnOpenAndItsRowsAreNotLoaded() throws Exception {
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            sink.write(ROWS, SinkContract.row(0));
            sink.commit(ROWS);
        }
        Files.createDirectories(batches());
        // What a run killed mid-batch leaves: its rows not committed, in a file of the sink's own format.
        Path left = batches().resolve("0-contract_rows.ndjson");
        Files.writeString(left, "{\"c0\":\"left by a killed run\"}\n", StandardCharsets.UTF_8);

        try (DuckDbSink sink = new DuckDbSink(file())) {
            assertThat(left).doesNotExist();
            sink.open(ROWS, OptionalLong.empty());
            sink.write(ROWS, SinkContract.row(1));
            sink.commit(ROWS);
        }

        assertThat(read()).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, SinkContract.rows(0, 2)));
    }

    @Test
    void aClosedSinkLeavesNoBatchFiles() throws Exception {
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            for (Map<String, Object> row : SinkContract.rows(0, 30)) {
                sink.write(ROWS, row);
            }
            sink.commit(ROWS);
            sink.write(ROWS, SinkContract.row(30)); // not committed
        }
        assertThat(batches()).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .allMatch(name -> name.startsWith("pendo.duckdb"))
                    .noneMatch(name -> name.endsWith(".ndjson"));
        }
    }

    @Test
    void aRowLongerThanDuckDbsDefaultLargestJsonObjectLoads() throws Exception {
        Map<String, Object> wide = new LinkedHashMap<>(SinkContract.row(2));
        wide.put("meta", Map.of("long", "x".repeat(17 << 20)));
        // Memory for a row of 17 MB, which the default limit of 64 MB does not hold several copies of.
        try (DuckDbSink sink = new DuckDbSink(file(), new DuckDbLimits("512MB", 1))) {
            sink.open(ROWS, OptionalLong.empty());
            sink.write(ROWS, SinkContract.row(1));
            sink.write(ROWS, wide);
            sink.commit(ROWS);
        }
        assertThat(read())
                .containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, List.of(SinkContract.row(1), wide)));
    }
}
