package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded DuckDB runs within the memory and threads it is given, not DuckDB's machine-wide defaults. */
class DuckDbLimitsTest {

    @TempDir
    Path dir;

    private static String setting(DuckDbSink sink, String name) throws SQLException {
        try (Statement statement = sink.connection().createStatement();
                ResultSet result = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void theSinksDuckDbUsesTheGivenThreads() throws IOException, SQLException {
        try (DuckDbSink sink = new DuckDbSink(dir.resolve("a.duckdb"), new DuckDbLimits("200MB", 3))) {
            assertThat(setting(sink, "threads")).isEqualTo("3");
        }
    }

    @Test
    void theSinksDuckDbUsesTheGivenMemoryLimit() throws IOException, SQLException {
        String small;
        String large;
        try (DuckDbSink sink = new DuckDbSink(dir.resolve("b.duckdb"), new DuckDbLimits("100MB", 1))) {
            small = setting(sink, "memory_limit");
        }
        try (DuckDbSink sink = new DuckDbSink(dir.resolve("c.duckdb"), new DuckDbLimits("1GB", 1))) {
            large = setting(sink, "memory_limit");
        }
        assertThat(small).startsWith("95.3");
        assertThat(large).startsWith("953.6");
    }

    @Test
    void theDefaultIsOneThreadAndBoundedMemory() throws IOException, SQLException {
        try (DuckDbSink sink = new DuckDbSink(dir.resolve("d.duckdb"))) {
            assertThat(setting(sink, "threads")).isEqualTo("1");
            assertThat(setting(sink, "memory_limit")).startsWith("61.0");
        }
    }

    @Test
    void defaultsAreSixtyFourMegabytesAndOneThread() {
        assertThat(DuckDbLimits.defaults()).isEqualTo(new DuckDbLimits("64MB", 1));
    }

    @Test
    void aMemoryLimitWithoutAUnitIsRefusedWithAnExample() {
        assertThatThrownBy(() -> new DuckDbLimits("lots", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lots'")
                .hasMessageContaining("64MB");
    }

    @Test
    void zeroThreadsIsRefused() {
        assertThatThrownBy(() -> new DuckDbLimits("64MB", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
