package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An environment or a destination that would make pendo-sync write demo data into a real target, send a key in
 * clear text or put a password on the command line is refused before anything happens: exit status 2, one line on
 * standard error that names the problem (and no secret), nothing on standard output, no file and no state file.
 */
class RefusalBeforeSideEffectTest {

    private static final String KEY = "test-integration-key";
    private static final String URL_PASSWORD = "s3cret-in-userinfo";
    /** A small demo, so that a run that is wrongly not refused stays short. */
    private static final List<String> SMALL_DEMO =
            List.of("--demo-visitors", "40", "--demo-accounts", "4", "--demo-days", "1", "--demo-end", "2026-11-01");

    @TempDir
    Path dir;

    static Stream<Arguments> refusals() {
        return Stream.of(
                // Without a key, an environment that points at a real subscription is not a demo.
                refused(
                        "base URL without a key",
                        Map.of("PENDO_BASE_URL", "https://app.eu.pendo.io"),
                        "PENDO_BASE_URL is set but PENDO_INTEGRATION_KEY is not"),
                refused(
                        "region without a key",
                        Map.of("PENDO_REGION", "eu"),
                        "PENDO_REGION is set but PENDO_INTEGRATION_KEY is not"),
                refused(
                        "base URL without a key, even with --demo",
                        Map.of("PENDO_BASE_URL", "http://127.0.0.1:9"),
                        "PENDO_BASE_URL is set but PENDO_INTEGRATION_KEY is not",
                        "--demo"),
                refused("empty key", Map.of("PENDO_INTEGRATION_KEY", ""), "PENDO_INTEGRATION_KEY is set but empty"),
                refused(
                        "blank key with a base URL",
                        Map.of("PENDO_INTEGRATION_KEY", "  ", "PENDO_BASE_URL", "https://app.pendo.io"),
                        "PENDO_INTEGRATION_KEY is set but empty"),
                // Without a key, demo data goes to ./pendo-data only, unless --demo says otherwise.
                refused("demo into DuckDB", Map.of(), "add --demo", "--duckdb", "{dir}/prod.duckdb"),
                refused("demo into Parquet", Map.of(), "add --demo", "--parquet", "{dir}/lake"),
                refused(
                        "demo into PostgreSQL",
                        Map.of(),
                        "add --demo",
                        "--postgres",
                        "jdbc:postgresql://127.0.0.1:9/analytics"),
                refused("demo into another directory", Map.of(), "add --demo", "--out", "{dir}/out"),
                refused("demo state elsewhere", Map.of(), "add --demo", "--state", "{dir}/state.json"),
                refused("demo summary elsewhere", Map.of(), "add --demo", "--summary-json", "{dir}/summary.json"),
                refused(
                        "--demo with a key",
                        Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_BASE_URL", "http://127.0.0.1:9"),
                        "--demo runs the in-process demo, but PENDO_INTEGRATION_KEY is set",
                        "--demo",
                        "--out",
                        "{dir}/out"),
                // A key never travels in clear text to a host that is not loopback.
                refused(
                        "plain http base URL",
                        Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_BASE_URL", "http://example.com"),
                        "PENDO_BASE_URL http://example.com is plain http",
                        "--out",
                        "{dir}/out"),
                refused(
                        "user info in the base URL",
                        Map.of(
                                "PENDO_INTEGRATION_KEY",
                                KEY,
                                "PENDO_BASE_URL",
                                "https://proxy-user:" + URL_PASSWORD + "@127.0.0.1:9"),
                        "PENDO_BASE_URL must not carry a user or password",
                        "--out",
                        "{dir}/out"),
                refused(
                        "user info the URL parser cannot read, in the base URL",
                        Map.of(
                                "PENDO_INTEGRATION_KEY",
                                KEY,
                                "PENDO_BASE_URL",
                                "https://proxy-user:" + URL_PASSWORD + "#x@127.0.0.1:9"),
                        "PENDO_BASE_URL must be an http(s) URL, got 'https://127.0.0.1:9'",
                        "--out",
                        "{dir}/out"),
                // A password never sits on the command line, wherever it is in the URL.
                refused(
                        "password in the JDBC URL's user info",
                        Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_BASE_URL", "http://127.0.0.1:9"),
                        "--postgres must not carry a user or password",
                        "--postgres",
                        "jdbc:postgresql://analyst:" + URL_PASSWORD + "@127.0.0.1:9/analytics"),
                refused(
                        "password in the user info of a URL without jdbc:",
                        Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_BASE_URL", "http://127.0.0.1:9"),
                        "--postgres must not carry a user or password",
                        "--postgres",
                        "postgresql://analyst:" + URL_PASSWORD + "@127.0.0.1:9/analytics"),
                refused(
                        "password in the user info, demo",
                        Map.of(),
                        "--postgres must not carry a user or password",
                        "--demo",
                        "--postgres",
                        "jdbc:postgresql://analyst:" + URL_PASSWORD + "@127.0.0.1:9/db"));
    }

    private static Arguments refused(String name, Map<String, String> environment, String message, String... args) {
        return Arguments.of(name, environment, message, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedWithOneLineAndExitTwoAndNothingCreated(
            String name, Map<String, String> environment, String message, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        args.forEach(arg -> command.add(arg.replace("{dir}", dir.toString())));
        if (!environment.containsKey("PENDO_INTEGRATION_KEY")) {
            command.addAll(SMALL_DEMO);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = PendoSyncCommand.run(
                environment, new PrintWriter(out, true), new PrintWriter(err, true), command.toArray(String[]::new));

        assertThat(code).as(out + "" + err).isEqualTo(PendoSyncCommand.EXIT_USAGE);
        assertThat(err.toString().lines().toList())
                .as("one line on standard error")
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("pendo-sync: ").contains(message));
        assertThat(out.toString()).as("no banner, no summary").isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("nothing created").isEmpty();
        }
        assertThat(Path.of("pendo-data")).as("no demo directory").doesNotExist();
        assertThat(Path.of("pendo-sync-postgres.state.json")).doesNotExist();
        assertThat(err.toString()).doesNotContain(KEY).doesNotContain(URL_PASSWORD);
    }
}
