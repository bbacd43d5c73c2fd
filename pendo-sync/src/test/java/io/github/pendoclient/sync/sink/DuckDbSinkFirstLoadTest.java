package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first load into an empty DuckDB table merges without deleting, and deletes again exactly when skipping it
 * would be wrong: a key that repeats (in the batch or after a commit), more keys than it remembers.
 */
class DuckDbSinkFirstLoadTest {

    private static final Table ROWS = SinkContract.ROWS;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("pendo.duckdb");
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

    private static Map<String, Object> with(Map<String, Object> row, String member, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(row);
        changed.put(member, value);
        return changed;
    }

    @Test
    void aTableEmptyWhenOpenedIsAFirstLoadAndOneWithRowsIsNot() throws Exception {
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            assertThat(sink.inFirstLoad(ROWS)).isTrue();
            for (Map<String, Object> row : SinkContract.rows(0, 20)) {
                sink.write(ROWS, row);
            }
            sink.commit(ROWS);
            assertThat(sink.inFirstLoad(ROWS)).isTrue();
        }
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            assertThat(sink.inFirstLoad(ROWS)).isFalse();
            sink.write(ROWS, with(SinkContract.row(3), "label", "second run"));
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 20));
        all.add(with(SinkContract.row(3), "label", "second run"));
        assertThat(read()).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void aKeyRepeatedAfterACommitEndsTheFirstLoadAndTheLatestRowWins() throws Exception {
        Map<String, Object> changed = with(SinkContract.row(5), "label", "written twice");
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            for (Map<String, Object> row : SinkContract.rows(0, 10)) {
                sink.write(ROWS, row);
            }
            sink.commit(ROWS);
            sink.write(ROWS, changed);
            assertThat(sink.inFirstLoad(ROWS)).isFalse();
            sink.write(ROWS, SinkContract.row(10));
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 11));
        all.add(changed);
        assertThat(read()).hasSize(11).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void pastTheKeysItRemembersTheMergesDeleteAndAnEarlyKeyWrittenAgainStillReplacesItsRow() throws Exception {
        Map<String, Object> changed = with(SinkContract.row(1), "label", "after the limit");
        try (DuckDbSink sink = new DuckDbSink(file()).firstLoadKeys(4)) {
            sink.open(ROWS, OptionalLong.empty());
            for (Map<String, Object> row : SinkContract.rows(0, 4)) {
                sink.write(ROWS, row);
            }
            assertThat(sink.inFirstLoad(ROWS)).isTrue();
            sink.write(ROWS, SinkContract.row(4));
            assertThat(sink.inFirstLoad(ROWS)).isFalse();
            sink.commit(ROWS);
            sink.write(ROWS, changed);
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 5));
        all.add(changed);
        assertThat(read()).hasSize(5).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void aFirstLoadGoesIntoTheTableItselfUntilAKeyRepeatsInTheBatchAndTheLatestRowWins() throws Exception {
        Map<String, Object> changed = with(SinkContract.row(5), "label", "written twice in one batch");
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            assertThat(sink.appendsToTable(ROWS)).isTrue();
            for (Map<String, Object> row : SinkContract.rows(0, 10)) {
                sink.write(ROWS, row);
            }
            sink.write(ROWS, changed);
            assertThat(sink.appendsToTable(ROWS)).isFalse();
            sink.write(ROWS, SinkContract.row(10));
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 11));
        all.add(changed);
        assertThat(read()).hasSize(11).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void aTableWhoseColumnsWereChangedByHandIsStagedEvenInAFirstLoad() throws Exception {
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            sink.commit(ROWS);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + DuckDbSink.quote(ROWS.name()) + " ADD COLUMN note VARCHAR");
        }
        try (DuckDbSink sink = new DuckDbSink(file())) {
            sink.open(ROWS, OptionalLong.empty());
            assertThat(sink.inFirstLoad(ROWS)).isTrue();
            assertThat(sink.appendsToTable(ROWS)).isFalse();
            for (Map<String, Object> row : SinkContract.rows(0, 10)) {
                sink.write(ROWS, row);
            }
            sink.commit(ROWS);
        }
        assertThat(read()).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, SinkContract.rows(0, 10)));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file());
                Statement statement = connection.createStatement();
                ResultSet notes = statement.executeQuery(
                        "SELECT count(*) FROM " + DuckDbSink.quote(ROWS.name()) + " WHERE note IS NULL")) {
            notes.next();
            assertThat(notes.getLong(1)).isEqualTo(10);
        }
    }
}
