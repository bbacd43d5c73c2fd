package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.sync.Sink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is particular to PostgreSQL beyond the shared contract: logins, secrets and a table that fails. */
class PostgresSinkTest {

    private String url;

    @BeforeEach
    void createDatabase() {
        url = EmbeddedPostgres.shared().newDatabase();
    }

    @Test
    void aRejectedPasswordIsAClearErrorThatNamesTheUserButNotThePassword() {
        assertThatThrownBy(() -> PostgresSink.connect(url, EmbeddedPostgres.USER, "wrong-test-password"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot connect to PostgreSQL at " + url + " as " + EmbeddedPostgres.USER)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("wrong-test-password");
    }

    @Test
    void theDescriptionLeavesOutTheUrlsParameters() throws IOException {
        try (Sink sink = PostgresSink.connect(
                url + "?ApplicationName=x&sslmode=disable", EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
            assertThat(sink.describe())
                    .isEqualTo("PostgreSQL database " + url + " as " + EmbeddedPostgres.USER)
                    .doesNotContain(EmbeddedPostgres.PASSWORD);
        }
    }

    @Test
    void aTableThatFailsLeavesTheSinkUsableForTheNextTable() throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE contract_rows (id text PRIMARY KEY, count date)"); // not bigint
        }
        try (Sink sink = PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
            sink.open(SinkContract.ROWS, OptionalLong.empty());
            sink.write(SinkContract.ROWS, SinkContract.row(0));
            assertThatThrownBy(() -> sink.commit(SinkContract.ROWS))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("could not commit contract_rows")
                    .hasMessageContaining("count");

            sink.replace(SinkContract.CATALOG, List.of(java.util.Map.of("appId", 1L, "name", "after the failure")));
        }
        try (Connection connection =
                        DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM contract_catalog")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("after the failure");
        }
    }

    @Test
    void theCharacterU0000WhichPostgresCannotStoreBecomesU_FFFDInTextAndInJson() throws Exception {
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", "nul\0id");
        row.put("label", "a\0b");
        row.put("meta", java.util.Map.of("x", "c\0d", "escaped", "\\u0000 stays text"));
        for (boolean firstLoad : new boolean[] {true, false}) {
            try (Sink sink = PostgresSink.connect(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)) {
                sink.open(SinkContract.ROWS, OptionalLong.empty()); // straight in first, then staged
                sink.write(SinkContract.ROWS, row);
                sink.commit(SinkContract.ROWS);
            }
            try (Connection connection =
                            DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                    Statement sql = connection.createStatement();
                    ResultSet rows =
                            sql.executeQuery("SELECT id, label, meta->>'x', meta->>'escaped', raw->'meta'->>'x'"
                                    + " FROM contract_rows")) {
                assertThat(rows.next())
                        .as(firstLoad ? "first load" : "second run")
                        .isTrue();
                assertThat(rows.getString(1)).isEqualTo("nul\uFFFDid");
                assertThat(rows.getString(2)).isEqualTo("a\uFFFDb");
                assertThat(rows.getString(3)).isEqualTo("c\uFFFDd");
                assertThat(rows.getString(4)).isEqualTo("\\u0000 stays text");
                assertThat(rows.getString(5)).isEqualTo("c\uFFFDd");
                assertThat(rows.next()).isFalse();
            }
        }
    }
}
