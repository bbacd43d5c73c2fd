package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
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
 * A visitors table whose rows carry wide metadata (50 fields, about 1.2 kB of JSON a row) is exported to Parquet
 * within the default {@code memory_limit} of 64 MB: Parquet row groups of 16,384 such rows (19 MB of metadata each)
 * ran out of memory. 40,000 rows in two commits of 20,000 is about the least that did (34,000 in two commits, or
 * 50,000 in one, still fitted).
 */
class ParquetWideRowsMemoryTest {

    private static final int ROWS = 40_000;
    private static final int COMMIT_ROWS = 20_000;
    private static final int FIELDS = 50;
    private static final String[] GROUPS = {"agent", "custom", "salesforce", "hubspot"};

    @TempDir
    Path dir;

    /** A visitor with a value in each of the 50 fields, string, integer, float, boolean, time and list in turn. */
    private static Map<String, Object> visitor(int i) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> auto = new LinkedHashMap<>();
        auto.put("accountid", "account-" + (i % 2_000));
        auto.put("firstvisit", 1_700_000_000_000L + i * 7L);
        auto.put("lastvisit", 1_760_000_000_000L + i * 11L);
        auto.put("lastupdated", 1_760_000_000_000L + i);
        metadata.put("auto", auto);
        for (int f = 0; f < FIELDS; f++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>)
                    metadata.computeIfAbsent(GROUPS[f % GROUPS.length], g -> new LinkedHashMap<String, Object>());
            int seed = i * 31 + f * 17;
            Object value = switch (f % 6) {
                case 0 -> "value-" + seed % 500;
                case 1 -> (long) (seed % 100_000);
                case 2 -> seed % 10_000 / 100.0;
                case 3 -> seed % 2 == 0;
                case 4 -> 1_700_000_000_000L + seed;
                default -> List.of("tag-" + seed % 20, "tag-" + seed % 19);
            };
            group.put("field_" + f, value);
        }
        Map<String, Object> visitor = new LinkedHashMap<>();
        visitor.put("visitorId", "visitor-" + i);
        visitor.put("metadata", metadata);
        return visitor;
    }

    @Test
    void wideVisitorsAreExportedWithinTheDefaultMemoryLimit() throws Exception {
        Table visitors = TableRegistry.standard().get("visitors");
        Path parquet = dir.resolve("parquet");
        try (ParquetSink sink = new ParquetSink(parquet, DuckDbLimits.defaults())) {
            sink.open(visitors, OptionalLong.empty());
            for (int i = 0; i < ROWS; i++) {
                sink.write(visitors, visitor(i));
                if (i % COMMIT_ROWS == COMMIT_ROWS - 1) {
                    sink.commit(visitors);
                }
            }
            sink.commit(visitors);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*), count(DISTINCT visitor_id) FROM"
                        + " read_parquet('" + parquet.resolve("visitors.parquet") + "')")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(ROWS);
            assertThat(result.getLong(2)).isEqualTo(ROWS);
        }
    }
}
