package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * {@link CopyBinary}'s rows as PostgreSQL reads them: each value sent with {@code COPY ... FROM STDIN (FORMAT binary)}
 * into a column of the sink's type, read back as the server's text for it.
 */
class CopyBinaryTest {

    private static final Map<ColumnType, String> TABLE_TYPES = types("timestamptz", "jsonb");
    private static final Map<ColumnType, String> STAGED_TYPES = types("bigint", "text");

    private String url;

    @BeforeEach
    void createDatabase() {
        url = EmbeddedPostgres.shared().newDatabase();
    }

    private static Map<ColumnType, String> types(String timestamp, String json) {
        Map<ColumnType, String> types = new LinkedHashMap<>();
        types.put(ColumnType.TEXT, "text");
        types.put(ColumnType.BIGINT, "bigint");
        types.put(ColumnType.DOUBLE, "double precision");
        types.put(ColumnType.BOOLEAN, "boolean");
        types.put(ColumnType.TIMESTAMP, timestamp);
        types.put(ColumnType.JSON, json);
        return types;
    }

    private Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
        }
        return connection;
    }

    /** Copies the values of one type, one row each, into a one-column table; returns the server's text of each. */
    private List<String> roundTrip(ColumnType type, boolean straight, Object... values) throws Exception {
        Column column = new Column("v", type, row -> null);
        String sqlType = (straight ? TABLE_TYPES : STAGED_TYPES).get(type);
        Buffer rows = new Buffer();
        CopyBinary.begin(rows);
        CopyBinary copy = new CopyBinary();
        for (Object value : values) {
            copy.row(rows, List.of(column), new Object[] {value}, straight);
        }
        CopyBinary.end(rows);
        List<String> read = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS t");
            statement.execute("CREATE TABLE t (n bigserial, v " + sqlType + ")");
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY t (v) FROM STDIN (FORMAT binary)", rows.inputStream());
            try (ResultSet result = statement.executeQuery("SELECT v::text FROM t ORDER BY n")) {
                while (result.next()) {
                    read.add(result.getString(1));
                }
            }
        }
        return read;
    }

    @Test
    void aRowIsByteForByteWhatPostgresItselfWritesInBinaryCopy() throws Exception {
        List<Column> columns = List.of(
                new Column("a", ColumnType.TEXT, row -> null),
                new Column("b", ColumnType.BIGINT, row -> null),
                new Column("c", ColumnType.DOUBLE, row -> null),
                new Column("d", ColumnType.BOOLEAN, row -> null),
                new Column("e", ColumnType.TIMESTAMP, row -> null),
                new Column("f", ColumnType.TEXT, row -> null));
        Buffer ours = new Buffer();
        CopyBinary.begin(ours);
        new CopyBinary()
                .row(ours, columns, new Object[] {"visitör 😀", -42L, 0.5, true, 1_790_270_940_123L, null}, true);
        CopyBinary.end(ours);
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (Connection connection = connect()) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (SELECT 'visitör 😀'::text, -42::bigint, 0.5::float8, true,"
                                    + " '2026-09-24 17:29:00.123+00'::timestamptz, NULL::text) TO STDOUT (FORMAT binary)",
                            theirs);
        }
        assertThat(ours.readByteArray()).isEqualTo(theirs.toByteArray());
    }

    @Test
    void nullIsNullInEveryColumnTypeAndInTheStagingTypes() throws Exception {
        for (ColumnType type : ColumnType.values()) {
            assertThat(roundTrip(type, true, (Object) null)).as("%s", type).containsExactly((String) null);
            assertThat(roundTrip(type, false, (Object) null))
                    .as("staged %s", type)
                    .containsExactly((String) null);
        }
    }

    @Test
    void theEmptyStringIsStoredAsEmptyNotNull() throws Exception {
        assertThat(roundTrip(ColumnType.TEXT, true, "")).containsExactly("");
    }

    @Test
    void unicodeTextOfOneToFourBytesPerCharacterIsStoredAsSent() throws Exception {
        assertThat(roundTrip(ColumnType.TEXT, true, "aé€😀", "tab\tline\nback\\slash \\N", "日本語"))
                .containsExactly("aé€😀", "tab\tline\nback\\slash \\N", "日本語");
    }

    @Test
    void theCharacterU0000BecomesU_FFFD() throws Exception {
        assertThat(roundTrip(ColumnType.TEXT, true, "a\0b\0")).containsExactly("a\uFFFDb\uFFFD");
    }

    @Test
    void anUnpairedSurrogateIsStoredAsAQuestionMarkAsOkioEncodesIt() throws Exception {
        assertThat(roundTrip(ColumnType.TEXT, true, "x\uD800y", "\uDC00", "ok\uD83D\uDE00"))
                .containsExactly("x?y", "?", "ok😀");
    }

    @Test
    void theExtremeLongsAreStoredExactly() throws Exception {
        assertThat(roundTrip(ColumnType.BIGINT, true, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L))
                .containsExactly(String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE), "0", "-1");
    }

    @Test
    void nanInfinitiesNegativeZeroAndTheExtremeDoublesAreStoredExactly() throws Exception {
        assertThat(roundTrip(
                        ColumnType.DOUBLE,
                        true,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        -0.0,
                        Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        0.1))
                .containsExactly("NaN", "Infinity", "-Infinity", "-0", "5e-324", "1.7976931348623157e+308", "0.1");
    }

    @Test
    void aLongInADoubleColumnIsRoundedToTheNearestDoubleAsTheServerReadsItsText() throws Exception {
        assertThat(roundTrip(ColumnType.DOUBLE, true, 9_007_199_254_740_993L, 3L))
                .containsExactly("9.007199254740992e+15", "3");
    }

    @Test
    void onlyBooleanTrueIsTrue() throws Exception {
        assertThat(roundTrip(ColumnType.BOOLEAN, true, true, false, "true")).containsExactly("true", "false", "false");
    }

    @Test
    void instantsBeforeAndAfter2000AndAtTheEndsOfTheYearsOneTo9999AreStoredToTheMillisecond() throws Exception {
        assertThat(roundTrip(
                        ColumnType.TIMESTAMP,
                        true,
                        CopyTimestamp.FIRST,
                        -1L,
                        0L,
                        CopyBinary.POSTGRES_EPOCH_MILLIS - 1,
                        CopyBinary.POSTGRES_EPOCH_MILLIS,
                        1_790_270_940_123L,
                        CopyTimestamp.LAST))
                .containsExactly(
                        "0001-01-01 00:00:00+00",
                        "1969-12-31 23:59:59.999+00",
                        "1970-01-01 00:00:00+00",
                        "1999-12-31 23:59:59.999+00",
                        "2000-01-01 00:00:00+00",
                        "2026-09-24 17:29:00.123+00",
                        "9999-12-31 23:59:59.999+00");
    }

    @Test
    void aStagedInstantIsItsEpochMilliseconds() throws Exception {
        assertThat(roundTrip(ColumnType.TIMESTAMP, false, Long.MIN_VALUE, 1_790_270_940_123L))
                .containsExactly(String.valueOf(Long.MIN_VALUE), "1790270940123");
    }

    @Test
    void jsonWithUnicodeAndEscapesIsStoredAsJsonb() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "visitör 😀 \"quoted\" back\\slash");
        value.put("list", Arrays.asList(1L, 2.5, null, true));
        assertThat(roundTrip(ColumnType.JSON, true, value, List.of(), "text", 7L))
                .containsExactly(
                        "{\"list\": [1, 2.5, null, true], \"name\": \"visitör 😀 \\\"quoted\\\" back\\\\slash\"}",
                        "[]",
                        "\"text\"",
                        "7");
    }

    @Test
    void theJsonEscapeOfU0000BecomesU_FFFDButAnEscapedBackslashBeforeU0000StaysText() throws Exception {
        assertThat(roundTrip(ColumnType.JSON, true, List.of("a\0b", "\\u0000")))
                .containsExactly("[\"a\uFFFDb\", \"\\\\u0000\"]");
    }

    @Test
    void stagedJsonIsItsCompactTextWithTheSameReplacement() throws Exception {
        assertThat(roundTrip(ColumnType.JSON, false, Map.of("k", "v\0é"))).containsExactly("{\"k\":\"v\\ufffdé\"}");
    }
}
