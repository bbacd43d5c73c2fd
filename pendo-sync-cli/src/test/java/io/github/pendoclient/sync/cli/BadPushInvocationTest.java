package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Every bad {@code pendo-sync push} is refused before anything happens: exit status 2, one line on standard error
 * that names the option and what to do, nothing on standard output, no file created, no secret printed.
 */
class BadPushInvocationTest {

    private static final String KEY_VALUE = "test-integration-key";
    private static final String SECRET = "test-track-shared-secret";
    private static final String PG_PASSWORD = "test-pg-password";
    private static final Map<String, String> DEMO = Map.of(PendoSyncCommand.ENV_PG_PASSWORD, PG_PASSWORD);
    private static final Map<String, String> KEY =
            Map.of("PENDO_INTEGRATION_KEY", KEY_VALUE, "PENDO_BASE_URL", "http://127.0.0.1:9");
    private static final List<String> SOURCE = List.of("--from-csv", "{dir}/rows.csv");
    private static final List<String> VISITORS = List.of("--object", "visitor", "--id-column", "id");
    private static final List<String> MAP = List.of("--map", "plan=plan_tier");
    private static final List<String> TRACK = List.of(
            "--object", "track", "--event-name", "signup", "--visitor-column", "id", "--unique-key-column", "key");

    @TempDir
    Path dir;

    static Stream<Arguments> badInvocations() {
        return Stream.of(
                bad("no key and no --demo", Map.of(), "add --demo", SOURCE, VISITORS, MAP),
                bad(
                        "--demo with a key",
                        KEY,
                        "--demo runs the in-process demo",
                        List.of("--demo"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "region without a key",
                        DEMO,
                        "--region needs PENDO_INTEGRATION_KEY",
                        List.of("--demo", "--region", "eu"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "unknown region",
                        KEY,
                        "--region: Unknown Pendo region 'mars'",
                        List.of("--region", "mars"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "base URL in clear text",
                        with(KEY, "PENDO_BASE_URL", "http://pendo.example.com"),
                        "use https",
                        SOURCE,
                        VISITORS,
                        MAP),
                bad("no source", DEMO, "a source is required", List.of("--demo"), VISITORS, MAP),
                bad(
                        "two sources",
                        DEMO,
                        "--from-csv and --from-jsonl both name a source",
                        List.of("--demo", "--from-jsonl", "{dir}/rows.csv"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "missing file",
                        DEMO,
                        "--from-csv {dir}/nope.csv does not exist",
                        List.of("--demo", "--from-csv", "{dir}/nope.csv"),
                        VISITORS,
                        MAP),
                bad(
                        "source is a directory",
                        DEMO,
                        "is not a file",
                        List.of("--demo", "--from-parquet", "{dir}/existing-dir"),
                        VISITORS,
                        MAP),
                bad(
                        "empty duckdb query",
                        DEMO,
                        "--from-duckdb-query is empty",
                        List.of("--demo", "--from-duckdb-query", " "),
                        VISITORS,
                        MAP),
                bad(
                        "duckdb file without a query",
                        DEMO,
                        "--duckdb-file is the database of --from-duckdb-query",
                        List.of("--demo", "--duckdb-file", "{dir}/rows.csv"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "missing duckdb file",
                        DEMO,
                        "--duckdb-file {dir}/nope.duckdb does not exist",
                        List.of("--demo", "--from-duckdb-query", "SELECT 1", "--duckdb-file", "{dir}/nope.duckdb"),
                        VISITORS,
                        MAP),
                bad(
                        "postgres query without a URL",
                        DEMO,
                        "needs --postgres JDBC_URL",
                        List.of("--demo", "--from-postgres-query", "SELECT 1"),
                        VISITORS,
                        MAP),
                bad(
                        "postgres URL with a password",
                        DEMO,
                        "--postgres must not carry the password",
                        List.of(
                                "--demo",
                                "--from-postgres-query",
                                "SELECT 1",
                                "--postgres",
                                "jdbc:postgresql://127.0.0.1:9/w?password=" + PG_PASSWORD),
                        VISITORS,
                        MAP),
                bad(
                        "postgres URL with a user",
                        DEMO,
                        "--postgres must not carry a user or password",
                        List.of(
                                "--demo",
                                "--from-postgres-query",
                                "SELECT 1",
                                "--postgres",
                                "jdbc:postgresql://me:" + PG_PASSWORD + "@127.0.0.1:9/w"),
                        VISITORS,
                        MAP),
                bad(
                        "postgres without its query",
                        DEMO,
                        "--postgres is for --from-postgres-query",
                        List.of("--demo", "--postgres", "jdbc:postgresql://127.0.0.1:9/w"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad("no object", DEMO, "--object is required", List.of("--demo", "--id-column", "id"), SOURCE, MAP),
                bad(
                        "unknown object",
                        DEMO,
                        "--object is one of visitor, account, parent-account, track",
                        List.of("--demo", "--object", "page"),
                        SOURCE,
                        MAP),
                bad(
                        "no id column",
                        DEMO,
                        "--id-column is required",
                        List.of("--demo", "--object", "account"),
                        SOURCE,
                        MAP),
                bad("no mapping", DEMO, "--map COLUMN=FIELD", List.of("--demo"), SOURCE, VISITORS),
                bad(
                        "mapping without '='",
                        DEMO,
                        "--map takes COLUMN=FIELD",
                        List.of("--demo", "--map", "plan"),
                        SOURCE,
                        VISITORS),
                bad(
                        "field mapped twice",
                        DEMO,
                        "writes field plan_tier from two columns",
                        List.of("--demo", "--map", "tier=plan_tier"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "id column mapped",
                        DEMO,
                        "--id-column id is also mapped",
                        List.of("--demo", "--map", "id=visitor_id"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "map and mapping file",
                        DEMO,
                        "--map and --mapping-file",
                        List.of("--demo", "--mapping-file", "{dir}/mapping.txt"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "bad mapping file line",
                        DEMO,
                        "--mapping-file {dir}/bad-mapping.txt takes COLUMN=FIELD",
                        List.of("--demo", "--mapping-file", "{dir}/bad-mapping.txt"),
                        SOURCE,
                        VISITORS),
                bad(
                        "unknown group",
                        DEMO,
                        "--group is agent or custom",
                        List.of("--demo", "--group", "salesforce"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "batch of zero",
                        DEMO,
                        "--batch-size is 1..10000 rows",
                        List.of("--demo", "--batch-size", "0"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "batch size for events",
                        DEMO,
                        "--batch-size does not apply to track events",
                        List.of("--demo", "--batch-size", "10"),
                        SOURCE,
                        TRACK),
                bad(
                        "unknown on-missing",
                        DEMO,
                        "--on-missing is keep or clear",
                        List.of("--demo", "--on-missing", "delete"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "event option for metadata",
                        DEMO,
                        "--unique-key-column does not apply to visitor metadata",
                        List.of("--demo", "--unique-key-column", "k"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "map for events",
                        DEMO,
                        "--map does not apply to track events",
                        List.of("--demo"),
                        SOURCE,
                        TRACK,
                        MAP),
                bad(
                        "full for events",
                        DEMO,
                        "--full does not apply to track events",
                        List.of("--demo", "--full"),
                        SOURCE,
                        TRACK),
                bad(
                        "create-missing for events",
                        DEMO,
                        "--create-missing does not apply to track events",
                        List.of("--demo", "--create-missing"),
                        SOURCE,
                        TRACK),
                bad(
                        "event without a name",
                        DEMO,
                        "--event-name-column COLUMN or --event-name NAME",
                        List.of("--demo", "--object", "track", "--visitor-column", "id", "--unique-key-column", "key"),
                        SOURCE),
                bad(
                        "event with two names",
                        DEMO,
                        "--event-name-column and --event-name",
                        List.of("--demo", "--event-name-column", "name"),
                        SOURCE,
                        TRACK),
                bad(
                        "event without a visitor",
                        DEMO,
                        "--visitor-column COLUMN",
                        List.of("--demo", "--object", "track", "--event-name", "x", "--unique-key-column", "key"),
                        SOURCE),
                bad(
                        "event without a key",
                        DEMO,
                        "--unique-key-column COLUMN",
                        List.of("--demo", "--object", "track", "--event-name", "x", "--visitor-column", "id"),
                        SOURCE),
                bad(
                        "one column twice",
                        DEMO,
                        "--unique-key-column id is named by another column option",
                        List.of(
                                "--demo",
                                "--object",
                                "track",
                                "--event-name",
                                "x",
                                "--visitor-column",
                                "id",
                                "--unique-key-column",
                                "id"),
                        SOURCE),
                bad(
                        "property that is the key",
                        DEMO,
                        "--property-columns names key",
                        List.of("--demo", "--property-columns", "plan,key"),
                        SOURCE,
                        TRACK),
                bad("events without the shared secret", KEY, "PENDO_TRACK_SHARED_SECRET", SOURCE, TRACK),
                bad(
                        "state is a directory",
                        DEMO,
                        "--state {dir}/existing-dir is a directory",
                        List.of("--demo", "--state", "{dir}/existing-dir"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "state under /proc",
                        DEMO,
                        "--state /proc/push-test/state.json cannot be written",
                        List.of("--demo", "--state", "/proc/push-test/state.json"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "rejects under /proc",
                        DEMO,
                        "--rejects /proc/rejects.jsonl cannot be written",
                        List.of("--demo", "--rejects", "/proc/rejects.jsonl"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "summary is a directory",
                        DEMO,
                        "--summary-json {dir}/existing-dir is a directory",
                        List.of("--demo", "--summary-json", "{dir}/existing-dir"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "rejects is the state",
                        DEMO,
                        "must be three different files",
                        List.of("--demo", "--rejects", "{dir}/s.json", "--state", "{dir}/s.json"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "rejects is the source",
                        DEMO,
                        "is the source",
                        List.of("--demo", "--rejects", "{dir}/rows.csv"),
                        SOURCE,
                        VISITORS,
                        MAP),
                bad(
                        "unknown option",
                        DEMO,
                        "Unknown option: '--colour'",
                        List.of("--demo", "--colour"),
                        SOURCE,
                        VISITORS,
                        MAP));
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> environment = new HashMap<>(base);
        environment.put(name, value);
        return environment;
    }

    @SafeVarargs
    private static Arguments bad(String name, Map<String, String> environment, String message, List<String>... parts) {
        List<String> args = new ArrayList<>();
        for (List<String> part : parts) {
            args.addAll(part);
        }
        return Arguments.of(name, environment, message, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvocations")
    void isRefusedWithOneLineNamingTheOptionAndExitTwoAndNothingCreated(
            String name, Map<String, String> environment, String message, List<String> args) throws IOException {
        Files.writeString(dir.resolve("rows.csv"), "id,plan,key\nv-1,gold,k1\n");
        Files.writeString(dir.resolve("mapping.txt"), "plan=plan_tier\n");
        Files.writeString(dir.resolve("bad-mapping.txt"), "# a comment\nplan plan_tier\n");
        Files.createDirectory(dir.resolve("existing-dir"));
        Path home = Files.createDirectory(dir.resolve("home"));
        List<String> before = listing();
        List<String> command = new ArrayList<>(List.of("push"));
        for (String arg : args) {
            command.add(arg.replace("{dir}", dir.toString()));
        }
        if (!args.contains("--state")) {
            command.addAll(List.of("--state", dir.resolve("state.json").toString()));
        }
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("HOME", home.toString());

        CommandRun run = CommandRun.of(variables, command);

        assertThat(run.code()).as(run.err()).isEqualTo(PendoSyncCommand.EXIT_USAGE);
        assertThat(run.err().lines().toList())
                .as("one line on standard error")
                .singleElement()
                .asString()
                .startsWith("pendo-sync: ")
                .contains(message.replace("{dir}", dir.toString()))
                .endsWith("(pendo-sync push --help lists the options)");
        assertThat(run.out()).as("no help dump, no banner").isEmpty();
        assertThat(listing()).as("nothing created").isEqualTo(before);
        assertThat(run.err()).doesNotContain(KEY_VALUE).doesNotContain(SECRET).doesNotContain(PG_PASSWORD);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }
}
