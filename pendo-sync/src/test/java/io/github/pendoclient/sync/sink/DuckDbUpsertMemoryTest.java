package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB and Parquet sinks upsert and export an event table with a long composite key within the default
 * {@code memory_limit}: a {@code PRIMARY KEY} index, which DuckDB holds in memory whole, made such upserts fail with
 * "Out of Memory", and so did Parquet row groups of DuckDB's default 122,880 rows.
 */
class DuckDbUpsertMemoryTest {

    /** An event table shaped like page_events: a seven-column key with long text in it. */
    static final Table EVENTS = new Table(
            "wide_key_events",
            List.of(
                    Column.key("visitor_id", "visitorId"),
                    Column.key("account_id", "accountId"),
                    Column.key("user_agent", "userAgent"),
                    Column.key("remote_ip", "remoteIp"),
                    Column.key("page_id", "pageId"),
                    Column.key("period", "period"),
                    Column.key("day", "day"),
                    Column.number("num_events", "numEvents"),
                    Column.raw()),
            List.of("visitor_id", "account_id", "user_agent", "remote_ip", "page_id", "period", "day"),
            new TableSource.FullRefresh((client, settings) -> List.of()));

    @TempDir
    Path dir;

    private static Map<String, Object> row(int i, long events) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", "visitor-" + (i % 20_000) + "-with-a-long-identifier@example.com");
        row.put("accountId", "account-" + (i % 2_000) + "-of-a-tenant");
        row.put(
                "userAgent",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " + "Chrome/"
                        + (100 + i % 40) + ".0.0.0 Safari/537.36 build " + i);
        row.put("remoteIp", "10." + (i % 250) + "." + (i / 250 % 250) + ".7");
        row.put("pageId", "page-" + (i % 300) + "-aGVsbG8td29ybGQ");
        row.put("period", "dayRange");
        row.put("day", "2026-11-" + (1 + i % 28));
        row.put("numEvents", events);
        return row;
    }

    private static final int ROWS = 150_000; // with a PRIMARY KEY: "Out of Memory" at 96MB

    /** Writes the rows, committing every 25,000, then writes a third of them again with other values. */
    private static void upsertTwice(Sink sink) throws IOException {
        sink.open(EVENTS, OptionalLong.empty());
        for (int i = 0; i < ROWS; i++) {
            sink.write(EVENTS, row(i, 1));
            if (i % 25_000 == 24_999) {
                sink.commit(EVENTS);
            }
        }
        sink.commit(EVENTS);
        for (int i = 0; i < ROWS; i += 3) {
            sink.write(EVENTS, row(i, 2));
        }
        sink.commit(EVENTS);
    }

    @Test
    void aLargeEventTableIsUpsertedWithinTheDefaultMemoryLimit() throws Exception {
        Path file = dir.resolve("events.duckdb");
        try (DuckDbSink sink = new DuckDbSink(file)) {
            upsertTwice(sink);
        }
        assertCounts("jdbc:duckdb:" + file.toAbsolutePath(), "wide_key_events");
    }

    @Test
    void aLargeEventTableIsUpsertedAndExportedToParquetWithinTheDefaultMemoryLimit() throws Exception {
        try (ParquetSink sink = new ParquetSink(dir.resolve("parquet"))) {
            upsertTwice(sink);
        }
        assertCounts("jdbc:duckdb:", "read_parquet('" + dir.resolve("parquet/wide_key_events.parquet") + "')");
    }

    private static void assertCounts(String url, String from) throws Exception {
        int rows = ROWS;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*), sum(num_events), count(DISTINCT"
                        + " (visitor_id, account_id, user_agent, remote_ip, page_id, period, day)) FROM " + from)) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(rows);
            assertThat(result.getLong(2)).isEqualTo(rows + rows / 3);
            assertThat(result.getLong(3)).isEqualTo(rows);
        }
    }
}
