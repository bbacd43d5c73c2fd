package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code pendo-sync push --help} and the top-level help's list of subcommands. */
class PushHelpTest {

    @Test
    void pushHelpNamesEverySourceAndPrintsNoWarning() {
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        CommandRun run;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            run = CommandRun.of(Map.of(), List.of("push", "--help"));
        } finally {
            System.setErr(original);
        }

        assertThat(run.code()).isZero();
        assertThat(systemErr.toString(StandardCharsets.UTF_8) + run.err()).doesNotContain("WARN");
        assertThat(run.out())
                .contains("--from-csv")
                .contains("--from-jsonl")
                .contains("--from-parquet")
                .contains("--from-duckdb-query")
                .contains("--from-postgres-query")
                .contains("--create-missing");
    }

    @Test
    void theTopLevelHelpListsPullAndPush() {
        CommandRun run = CommandRun.of(Map.of(), List.of("--help"));

        assertThat(run.out()).containsPattern("(?m)^\\s+pull\\s").containsPattern("(?m)^\\s+push\\s");
    }
}
