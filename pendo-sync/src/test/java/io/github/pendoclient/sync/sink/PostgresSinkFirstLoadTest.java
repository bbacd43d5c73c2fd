package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A first load into an empty PostgreSQL table is copied straight into it, and falls back to staging and merging
 * exactly when that would be wrong: a key that repeats, more keys than it remembers, a timestamp with no text form.
 */
class PostgresSinkFirstLoadTest {

    private static final Table ROWS = SinkContract.ROWS;
    private static final Table EVENTS = new Table(
            "first_load_events",
            List.of(Column.text("kind", "kind"), Column.time("at", "at"), Column.raw()),
            List.of(),
            new TableSource.FullRefresh((client, settings) -> List.of()));

    private String url;

    @BeforeEach
    void createDatabase() {
        url = EmbeddedPostgres.shared().newDatabase();
    }

    private PostgresSink connect() throws IOException {
        return PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }

    private List<Map<String, Object>> read(Table table) throws Exception {
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

    private static Map<String, Object> with(Map<String, Object> row, String member, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(row);
        changed.put(member, value);
        return changed;
    }

    @Test
    void aTableEmptyWhenOpenedIsCopiedStraightInAndOneWithRowsIsStaged() throws Exception {
        try (PostgresSink sink = connect()) {
            sink.open(ROWS, OptionalLong.empty());
            assertThat(sink.copiesStraightIn(ROWS)).isTrue();
            for (Map<String, Object> row : SinkContract.rows(0, 20)) {
                sink.write(ROWS, row);
            }
            sink.commit(ROWS);
            assertThat(sink.copiesStraightIn(ROWS)).isTrue();
        }
        try (PostgresSink sink = connect()) {
            sink.open(ROWS, OptionalLong.empty());
            assertThat(sink.copiesStraightIn(ROWS)).isFalse();
            sink.write(ROWS, with(SinkContract.row(3), "label", "second run"));
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 20));
        all.add(with(SinkContract.row(3), "label", "second run"));
        assertThat(read(ROWS)).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void aKeyRepeatedBeforeTheFirstCommitEndsTheStraightCopyAndTheLatestRowWins() throws Exception {
        Map<String, Object> changed = with(SinkContract.row(5), "label", "written twice");
        try (PostgresSink sink = connect()) {
            sink.open(ROWS, OptionalLong.empty());
            for (Map<String, Object> row : SinkContract.rows(0, 10)) {
                sink.write(ROWS, row);
            }
            sink.write(ROWS, changed);
            assertThat(sink.copiesStraightIn(ROWS)).isFalse();
            sink.write(ROWS, SinkContract.row(10));
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 11));
        all.add(changed);
        assertThat(read(ROWS)).hasSize(11).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void pastTheKeysItRemembersTheLoadIsStagedAndAnEarlyKeyWrittenAgainStillReplacesItsRow() throws Exception {
        Map<String, Object> changed = with(SinkContract.row(1), "label", "after the limit");
        try (PostgresSink sink = connect().firstLoadKeys(4)) {
            sink.open(ROWS, OptionalLong.empty());
            for (Map<String, Object> row : SinkContract.rows(0, 4)) {
                sink.write(ROWS, row);
            }
            assertThat(sink.copiesStraightIn(ROWS)).isTrue();
            sink.write(ROWS, SinkContract.row(4));
            assertThat(sink.copiesStraightIn(ROWS)).isFalse();
            sink.commit(ROWS);
            sink.write(ROWS, changed);
            sink.commit(ROWS);
        }
        List<Map<String, Object>> all = new ArrayList<>(SinkContract.rows(0, 5));
        all.add(changed);
        assertThat(read(ROWS)).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, all));
    }

    @Test
    void aTimestampOutsideTheYearsOneTo9999IsStagedAndStoredExactlyLikeTheOthers() throws Exception {
        List<Map<String, Object>> rows = List.of(
                with(SinkContract.row(0), "seenAt", CopyTimestamp.FIRST),
                with(SinkContract.row(1), "seenAt", -1L),
                with(SinkContract.row(2), "seenAt", CopyTimestamp.LAST),
                with(SinkContract.row(3), "seenAt", CopyTimestamp.LAST + 86_400_000L),
                with(SinkContract.row(4), "seenAt", 1_790_270_940_123L));
        try (PostgresSink sink = connect()) {
            sink.open(ROWS, OptionalLong.empty());
            for (Map<String, Object> row : rows.subList(0, 3)) {
                sink.write(ROWS, row);
            }
            assertThat(sink.copiesStraightIn(ROWS)).isTrue();
            sink.write(ROWS, rows.get(3));
            assertThat(sink.copiesStraightIn(ROWS)).isFalse();
            sink.write(ROWS, rows.get(4));
            sink.commit(ROWS);
        }
        assertThat(read(ROWS)).containsExactlyInAnyOrderElementsOf(SinkContract.expected(ROWS, rows));
    }

    @Test
    void aTableWithoutAKeyKeepsEveryRowWhetherCopiedStraightInOrStaged() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", i % 2 == 0 ? "same" : "other\ttab");
            // Row 3's timestamp has no text form: it goes through the staging table between straight copies.
            row.put("at", i == 3 ? CopyTimestamp.LAST + 1 : 1_700_000_000_000L + i);
            rows.add(row);
        }
        try (PostgresSink sink = connect()) {
            sink.open(EVENTS, OptionalLong.empty());
            for (Map<String, Object> row : rows) {
                sink.write(EVENTS, row);
            }
            sink.commit(EVENTS);
            sink.open(EVENTS, OptionalLong.empty());
            sink.write(EVENTS, rows.get(0));
            sink.commit(EVENTS);
        }
        List<Map<String, Object>> all = new ArrayList<>(rows);
        all.add(rows.get(0));
        List<Map<String, Object>> expected = new ArrayList<>();
        all.forEach(row -> expected.add(SinkContract.expected(EVENTS, row)));
        assertThat(read(EVENTS)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
