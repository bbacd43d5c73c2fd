package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The values the PostgreSQL sink stores, the same whether a row is copied straight into its table (a first load) or
 * staged and merged (a later run): the conversions of its text {@code COPY}, kept by the binary one.
 */
class PostgresSinkValuesTest {

    /** Columns that read a member as it is, so that values the factories never produce can be tried. */
    private static final Table VALUES = new Table(
            "sink_values",
            List.of(
                    Column.key("id", "id"),
                    new Column("t", ColumnType.TEXT, row -> row.get("t")),
                    new Column("b", ColumnType.BIGINT, row -> row.get("b")),
                    new Column("d", ColumnType.DOUBLE, row -> row.get("d")),
                    new Column("f", ColumnType.BOOLEAN, row -> row.get("f")),
                    new Column("ts", ColumnType.TIMESTAMP, row -> row.get("ts")),
                    new Column("j", ColumnType.JSON, row -> row.get("j")),
                    new Column("d2", ColumnType.DOUBLE, row -> row.get("d2"))),
            List.of("id"),
            new TableSource.FullRefresh((client, settings) -> List.of()));

    private String url;

    @BeforeEach
    void createDatabase() {
        url = EmbeddedPostgres.shared().newDatabase();
    }

    private Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
        }
        return connection;
    }

    /**
     * Writes the row as {@code first} in a first load (straight in) and as {@code staged} in a second run (staged),
     * and returns the server's text of each row's columns but the key, {@code first} then {@code staged}.
     */
    private List<List<String>> writeBothWays(Table table, Map<String, Object> row) throws Exception {
        for (String id : List.of("first", "staged")) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.put("id", id);
            try (PostgresSink sink = PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
                sink.open(table, OptionalLong.empty());
                assertThat(sink.copiesStraightIn(table)).isEqualTo(id.equals("first"));
                sink.write(table, copy);
                sink.commit(table);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT * FROM " + PostgresSink.quote(table.name()) + " ORDER BY id")) {
            int count = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 2; i <= count; i++) {
                    values.add(result.getString(i));
                }
                rows.add(values);
            }
        }
        assertThat(rows).hasSize(2);
        return rows;
    }

    private static Map<String, Object> row(Object t, Object b, Object d, Object f, Object ts, Object j) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("t", t);
        row.put("b", b);
        row.put("d", d);
        row.put("f", f);
        row.put("ts", ts);
        row.put("j", j);
        return row;
    }

    @Test
    void nullsAndTheEmptyStringAreStoredAsSent() throws Exception {
        List<String> expected = new ArrayList<>(List.of(""));
        for (int i = 0; i < 6; i++) {
            expected.add(null);
        }
        assertThat(writeBothWays(VALUES, row("", null, null, null, null, null))).containsExactly(expected, expected);
    }

    @Test
    void anUnpairedSurrogateIsStoredAsAQuestionMarkInTextAndInJson() throws Exception {
        List<String> expected = java.util.Arrays.asList("a?b", null, null, null, null, "{\"k\": \"c?d\"}", null);
        assertThat(writeBothWays(VALUES, row("a\uD800b", null, null, null, null, Map.of("k", "c\uDC00d"))))
                .containsExactly(expected, expected);
    }

    @Test
    void aNonTextValueInATextColumnIsStoredAsItsStringAndALongInADoubleColumnAsTheNearestDouble() throws Exception {
        List<String> expected = java.util.Arrays.asList("42", "7", "9.007199254740992e+15", null, null, null, null);
        assertThat(writeBothWays(VALUES, row(42L, 7, 9_007_199_254_740_993L, null, null, null)))
                .containsExactly(expected, expected);
    }

    @Test
    void nanAndTheInfinitiesAreStoredInADoubleColumn() throws Exception {
        Map<String, Object> row = row(null, null, Double.NaN, null, null, null);
        row.put("d2", Double.NEGATIVE_INFINITY);
        assertThat(writeBothWays(VALUES, row))
                .extracting(values -> values.get(2) + " " + values.get(6))
                .containsExactly("NaN -Infinity", "NaN -Infinity");
    }

    @Test
    void anythingButBooleanTrueIsStoredAsFalseInABooleanColumn() throws Exception {
        assertThat(writeBothWays(VALUES, row(null, null, null, "true", null, null)))
                .extracting(values -> values.get(3))
                .containsExactly("f", "f");
    }

    @Test
    void extremeLongsAndInstantsBefore1970AreStoredExactly() throws Exception {
        List<String> expected = java.util.Arrays.asList(
                null, "-9223372036854775808", null, null, "1969-12-31 23:59:59.999+00", null, null);
        assertThat(writeBothWays(VALUES, row(null, Long.MIN_VALUE, null, null, -1L, null)))
                .containsExactly(expected, expected);
    }

    @Test
    void aTableWhoseColumnsWereAlteredToOtherTypesStillTakesItsRows() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE sink_values (id text PRIMARY KEY, t varchar(20), b integer,"
                    + " d real, f boolean, ts timestamp, j json, d2 numeric)");
        }
        List<String> straight =
                java.util.Arrays.asList("text", "7", "0.5", "t", "2026-09-24 17:29:00.123", "{\"k\":\"v\"}", "0.25");
        List<String> staged = new ArrayList<>(straight);
        staged.set(5, "{\"k\": \"v\"}"); // the merge casts staged JSON to jsonb, whose text json keeps
        Map<String, Object> row = row("text", 7L, 0.5, true, 1_790_270_940_123L, Map.of("k", "v"));
        row.put("d2", 0.25);
        assertThat(writeBothWays(VALUES, row)).containsExactly(straight, staged);
    }
}
