package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code pendo-sync --help}, the first thing a newcomer runs. */
class HelpTest {

    private record Help(int code, String out, String err, String systemErr) {}

    /** Runs --help; picocli reports a bad format string on System.err, so that is captured too. */
    private static Help help() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            code = PendoSyncCommand.run(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), "--help");
        } finally {
            System.setErr(original);
        }
        // Help text wraps at the terminal's width; one space between words makes it searchable.
        return new Help(
                code,
                out.toString().replaceAll("\\s+", " "),
                err.toString(),
                systemErr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsNoWarning() {
        Help help = help();

        assertThat(help.code()).isZero();
        assertThat(help.systemErr() + help.err()).doesNotContain("WARN");
        assertThat(help.out()).contains("--duckdb-memory").contains("80% of the machine's memory");
    }

    @Test
    void helpHeaderNamesEveryStorage() {
        String out = help().out();
        String header = out.substring(out.indexOf("Copies"), out.indexOf("incrementally."));

        assertThat(header)
                .contains("JSON Lines")
                .contains("DuckDB")
                .contains("Parquet")
                .contains("PostgreSQL");
    }
}
