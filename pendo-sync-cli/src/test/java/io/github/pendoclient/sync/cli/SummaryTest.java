package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.TableResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary printed at the end of a run. */
class SummaryTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");

    private static String printed(List<TableResult> results) {
        StringWriter text = new StringWriter();
        new Summary(results, "pendo-data", -1, false, START, START.plusSeconds(2)).print(new PrintWriter(text));
        return text.toString();
    }

    private static TableResult ok(String table) {
        return new TableResult(table, 3, Duration.ofMillis(500), 1, 0, Optional.empty());
    }

    @Test
    void oneTableIsSingular() {
        assertThat(printed(List.of(ok("pages")))).contains("3 rows in 1 table in 2.0 s;");
    }

    @Test
    void twoTablesArePlural() {
        assertThat(printed(List.of(ok("pages"), ok("features")))).contains("6 rows in 2 tables in 2.0 s;");
    }
}
