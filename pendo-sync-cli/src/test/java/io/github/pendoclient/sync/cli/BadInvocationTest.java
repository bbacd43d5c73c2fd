package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad invocation is refused before anything happens: exit status 2, a single line on standard error that
 * names the problem, nothing on standard output, and no file or directory created.
 */
class BadInvocationTest {

    private static final Map<String, String> NO_KEY = Map.of();
    private static final Map<String, String> KEY =
            Map.of("PENDO_INTEGRATION_KEY", "test-integration-key", "PENDO_BASE_URL", "http://127.0.0.1:9");

    @TempDir
    Path dir;

    static Stream<Arguments> badInvocations() {
        return Stream.of(
                bad("unknown table", NO_KEY, "unknown table 'nope'", "--tables", "nope"),
                bad("table named twice", NO_KEY, "twice", "--tables", "visitors,visitors"),
                bad("history not a duration", NO_KEY, "--history takes a number", "--history", "ninety"),
                bad("history of zero", NO_KEY, "--history must be more than 0", "--history", "0d"),
                bad("history over ten years", NO_KEY, "at most 3650d", "--history", "5000d"),
                bad("window of zero", NO_KEY, "--window is 1..30 days", "--window", "0"),
                bad("window of 45 days", NO_KEY, "--window is 1..30 days", "--window", "45"),
                bad("window of 200 hours", NO_KEY, "--window is 1..168 hours", "--period", "hour", "--window", "200"),
                bad("period of a week", NO_KEY, "--period is day or hour", "--period", "week"),
                bad("page size of zero", NO_KEY, "--page-size is 1..", "--page-size", "0"),
                bad("negative page size", NO_KEY, "--page-size is 1..", "--page-size", "-5"),
                bad("page size not a number", NO_KEY, "--page-size", "--page-size", "many"),
                bad(
                        "start date not a date",
                        NO_KEY,
                        "--start-date takes a day as YYYY-MM-DD",
                        "--start-date",
                        "2026-13-01"),
                bad("start date in the future", NO_KEY, "is not in the past", "--start-date", "2999-01-01"),
                bad(
                        "start date and history",
                        NO_KEY,
                        "--start-date and --history",
                        "--start-date",
                        "2026-01-01",
                        "--history",
                        "30d"),
                bad("out and duckdb", NO_KEY, "--out and --duckdb", "--out", "{dir}/a", "--duckdb", "{dir}/b.duckdb"),
                bad("region without a key", NO_KEY, "--region needs PENDO_INTEGRATION_KEY", "--region", "eu"),
                bad("unknown region", KEY, "--region: Unknown Pendo region 'mars'", "--region", "mars"),
                bad("unknown PENDO_REGION", with(KEY, "PENDO_REGION", "mars"), "PENDO_REGION: Unknown Pendo region"),
                bad("bad PENDO_BASE_URL", with(KEY, "PENDO_BASE_URL", "ftp:/x"), "PENDO_BASE_URL must be"),
                bad("demo option with a key", KEY, "--demo-visitors is for the demo", "--demo-visitors", "10"),
                bad("demo of no days", NO_KEY, "--demo-days is 1..365", "--demo-days", "0"),
                bad("demo of no accounts", NO_KEY, "--demo-accounts is 1..", "--demo-accounts", "0"),
                bad("demo end not a date", NO_KEY, "--demo-end takes a day", "--demo-end", "2026-02-30"),
                bad("lag not a duration", NO_KEY, "--lag takes a number", "--lag", "soon"),
                bad(
                        "empty history visitor",
                        NO_KEY,
                        "--history-visitors has an empty visitor id",
                        "--history-visitors",
                        "a,,b"),
                bad("app id not a number", NO_KEY, "--app-ids", "--app-ids", "x"),
                bad("unknown option", NO_KEY, "Unknown option: '--colour'", "--colour"),
                bad("stray argument", NO_KEY, "Unmatched argument", "extra"),
                bad(
                        "out under /proc",
                        NO_KEY,
                        "--out /proc/pendo-sync-test cannot be written",
                        "--out",
                        "/proc/pendo-sync-test"),
                bad(
                        "state under /proc",
                        NO_KEY,
                        "--state /proc/pendo-sync-test/state.json cannot be written",
                        "--state",
                        "/proc/pendo-sync-test/state.json"),
                bad(
                        "summary under /proc",
                        NO_KEY,
                        "--summary-json /proc/summary.json cannot be written",
                        "--summary-json",
                        "/proc/summary.json"),
                bad("out is a file", NO_KEY, "is a file, not a directory", "--out", "{dir}/existing-file"),
                bad("duckdb is a directory", NO_KEY, "is a directory; give a file", "--duckdb", "{dir}/existing-dir"),
                bad("state is a directory", NO_KEY, "--state", "--state", "{dir}/existing-dir"),
                bad("summary is a directory", NO_KEY, "--summary-json", "--summary-json", "{dir}/existing-dir"),
                bad(
                        "state file that is not state",
                        NO_KEY,
                        "is not pendo-sync state",
                        "--state",
                        "{dir}/existing-file"));
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> environment = new HashMap<>(base);
        environment.put(name, value);
        return environment;
    }

    private static Arguments bad(String name, Map<String, String> environment, String message, String... args) {
        return Arguments.of(name, environment, message, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvocations")
    void isRefusedWithOneLineAndExitTwoAndNothingCreated(
            String name, Map<String, String> environment, String message, List<String> args) throws IOException {
        Files.writeString(dir.resolve("existing-file"), "not json");
        Files.createDirectory(dir.resolve("existing-dir"));
        List<String> before = listing();
        List<String> command = new ArrayList<>();
        boolean destination = args.contains("--out") || args.contains("--duckdb");
        if (!destination) {
            command.addAll(List.of("--out", dir.resolve("out").toString()));
        }
        if (!environment.containsKey("PENDO_INTEGRATION_KEY")) {
            command.add("--demo"); // a demo into a test directory: asked for in so many words
        }
        for (String arg : args) {
            command.add(arg.replace("{dir}", dir.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = PendoSyncCommand.run(
                environment, new PrintWriter(out, true), new PrintWriter(err, true), command.toArray(String[]::new));

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().lines().toList())
                .as("one line on standard error")
                .hasSize(1)
                .allSatisfy(line -> assertThat(line)
                        .startsWith("pendo-sync: ")
                        .contains(message)
                        .endsWith("(pendo-sync --help lists the options)"));
        assertThat(out.toString()).as("no help dump, no banner").isEmpty();
        assertThat(listing()).as("nothing created").isEqualTo(before);
        assertThat(Path.of("pendo-data")).doesNotExist();
        assertThat(err.toString()).doesNotContain("test-integration-key");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }
}
