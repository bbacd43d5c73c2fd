package io.github.pendoclient.sync.push.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.push.PushRow;
import io.github.pendoclient.sync.push.PushSource;
import io.github.pendoclient.sync.push.internal.ValueConverter;
import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source type yields the same rows from the same data: the same fixture written as CSV, JSON Lines, Parquet
 * (DuckDB COPY), a DuckDB table and a PostgreSQL table, read back and converted to the fields' types.
 */
class PushSourceContractTest {

    private static final List<String> COLUMNS = List.of("id", "plan", "seats", "mrr", "active", "note");
    private static final Map<String, String> TYPES = Map.of(
            "id", "string", "plan", "string", "seats", "integer", "mrr", "float", "active", "boolean", "note",
            "string");
    private static final List<Object[]> DATA = List.of(
            new Object[] {"v-1", "pro", 3L, 12.5, true, "quoted, with a comma"},
            new Object[] {"v-2", "team", 1L, 0.25, false, "a \"quote\" and\na line break"},
            new Object[] {"v-3", "free", 0L, 0.0, false, null},
            new Object[] {"v-4", "é ünïcode", 250L, 99999.75, true, "x"});

    @TempDir
    static Path dir;

    private static Path csv;
    private static Path jsonl;
    private static Path duckdb;
    private static Path parquet;
    private static String postgresUrl;

    @BeforeAll
    static void writeFixtures() throws Exception {
        StringBuilder csvText = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        StringBuilder jsonText = new StringBuilder();
        for (Object[] row : DATA) {
            List<String> cells = new ArrayList<>();
            List<String> members = new ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                Object value = row[i];
                cells.add(
                        value == null
                                ? ""
                                : value instanceof String s ? "\"" + s.replace("\"", "\"\"") + "\"" : "" + value);
                members.add("\"" + COLUMNS.get(i) + "\":" + json(value));
            }
            csvText.append(String.join(",", cells)).append("\r\n");
            jsonText.append("{").append(String.join(",", members)).append("}\n");
        }
        csv = Files.writeString(dir.resolve("rows.csv"), csvText, StandardCharsets.UTF_8);
        jsonl = Files.writeString(dir.resolve("rows.jsonl"), jsonText, StandardCharsets.UTF_8);
        duckdb = dir.resolve("rows.duckdb");
        parquet = dir.resolve("rows.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
                Statement statement = connection.createStatement()) {
            statement.execute(createTable("DOUBLE"));
            statement.execute(inserts());
            statement.execute("COPY (SELECT * FROM rows ORDER BY id) TO '" + parquet + "' (FORMAT PARQUET)");
        }
        postgresUrl = EmbeddedPostgres.shared().newDatabase();
        try (Connection connection =
                        DriverManager.getConnection(postgresUrl, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(createTable("DOUBLE PRECISION"));
            statement.execute(inserts());
        }
    }

    private static String json(Object value) {
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        return String.valueOf(value);
    }

    private static String createTable(String doubleType) {
        return "CREATE TABLE rows (id TEXT, plan TEXT, seats BIGINT, mrr " + doubleType + ", active BOOLEAN,"
                + " note TEXT)";
    }

    private static String inserts() {
        List<String> rows = new ArrayList<>();
        for (Object[] row : DATA) {
            List<String> values = new ArrayList<>();
            for (Object value : row) {
                values.add(
                        value == null
                                ? "NULL"
                                : value instanceof String s ? "'" + s.replace("'", "''") + "'" : "" + value);
            }
            rows.add("(" + String.join(", ", values) + ")");
        }
        return "INSERT INTO rows VALUES " + String.join(", ", rows);
    }

    private static List<Map<String, Object>> expected() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] row : DATA) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                values.put(COLUMNS.get(i), row[i]);
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<Map<String, Object>> converted(PushSource source) throws Exception {
        try (source) {
            assertThat(source.columns()).as(source.describe()).containsExactlyElementsOf(COLUMNS);
            List<Map<String, Object>> rows = new ArrayList<>();
            long number = 0;
            for (Optional<PushRow> next = source.next(); next.isPresent(); next = source.next()) {
                assertThat(next.get().number()).isEqualTo(++number);
                Map<String, Object> values = new LinkedHashMap<>();
                for (String column : COLUMNS) {
                    values.put(column, ValueConverter.convert(next.get().get(column), TYPES.get(column)));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    @Test
    void csvYieldsTheFixture() throws Exception {
        assertThat(converted(CsvSource.open(csv))).isEqualTo(expected());
    }

    @Test
    void jsonLinesYieldsTheFixture() throws Exception {
        assertThat(converted(JsonLinesSource.open(jsonl))).isEqualTo(expected());
    }

    @Test
    void parquetYieldsTheFixture() throws Exception {
        assertThat(converted(ParquetSource.open(parquet))).isEqualTo(expected());
    }

    @Test
    void aDuckDbQueryOnADatabaseFileYieldsTheFixture() throws Exception {
        assertThat(converted(DuckDbSource.query(duckdb, "SELECT * FROM rows ORDER BY id")))
                .isEqualTo(expected());
    }

    @Test
    void anInMemoryDuckDbQueryOverTheCsvFileYieldsTheFixture() throws Exception {
        String sql = "SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true) ORDER BY id";
        assertThat(converted(DuckDbSource.query(sql))).isEqualTo(expected());
    }

    @Test
    void aPostgresQueryYieldsTheFixture() throws Exception {
        char[] password = EmbeddedPostgres.PASSWORD.toCharArray();
        PostgresSource source =
                PostgresSource.query(postgresUrl, EmbeddedPostgres.USER, password, "SELECT * FROM rows ORDER BY id");

        assertThat(converted(source)).isEqualTo(expected());
        assertThat(password).containsOnly('\0');
        assertThat(source.describe()).doesNotContain(EmbeddedPostgres.PASSWORD);
    }
}
