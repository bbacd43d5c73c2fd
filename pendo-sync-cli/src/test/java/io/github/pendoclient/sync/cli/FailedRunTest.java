package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot start its work (a rejected key, a destination that cannot be opened, a PostgreSQL login that
 * fails) fails once, with one line that says what to do, creates no table file, and still writes
 * {@code --summary-json} with exit status 1 and the error.
 */
class FailedRunTest {

    private static final List<String> SMALL_DEMO = List.of(
            "--demo", "--demo-visitors", "40", "--demo-accounts", "4", "--demo-days", "1", "--demo-end", "2026-11-01");

    @TempDir
    Path dir;

    private static List<String> demo(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(SMALL_DEMO);
        return all;
    }

    /** A summary file as an earlier, successful run left it. */
    private Path earlierSummary() throws IOException {
        Path summary = dir.resolve("last-run.json");
        Files.writeString(summary, "{\"exitCode\":0}\n");
        return summary;
    }

    private static Map<?, ?> json(Path file) throws IOException {
        return (Map<?, ?>) JsonValues.parse(Files.readString(file));
    }

    @Test
    void aRejectedKeyFailsTheRunOnceBeforeAnyTableFileIsCreatedAndTheSummarySaysSo() throws IOException {
        Path summary = earlierSummary();
        Path out = dir.resolve("out");
        try (FakePendo pendo = FakePendo.builder()
                .dataset(Dataset.generator(1).visitors(20).accounts(2).days(1).build())
                .build()
                .start()) {
            CommandRun run = CommandRun.of(
                    Map.of(
                            "PENDO_INTEGRATION_KEY",
                            "fake-bad-key",
                            "PENDO_BASE_URL",
                            pendo.baseUrl().toString()),
                    List.of("--out", out.toString(), "--summary-json", summary.toString()));

            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
            assertThat(run.err().lines().toList())
                    .as("one message, not one per table")
                    .hasSize(1)
                    .allSatisfy(line -> assertThat(line)
                            .startsWith("pendo-sync: ")
                            .contains("rejected")
                            .contains("PENDO_INTEGRATION_KEY"));
            assertThat(run.out() + run.err()).doesNotContain("fake-bad-key");
            assertThat(out).as("no table file, no state file").doesNotExist();
            Map<?, ?> written = json(summary);
            assertThat(written.get("exitCode")).isEqualTo(1L);
            assertThat((String) written.get("error")).contains("rejected");
        }
    }

    @Test
    void aDestinationThatCannotBeOpenedStillWritesTheSummaryWithExitOneAndTheError() throws IOException {
        Path summary = earlierSummary();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CommandRun run = CommandRun.of(
                Map.of(PendoSyncCommand.ENV_PG_PASSWORD, "pg-test-password"),
                demo(
                        "--postgres",
                        "jdbc:postgresql://127.0.0.1:" + closedPort + "/analytics",
                        "--state",
                        dir.resolve("pg.state.json").toString(),
                        "--summary-json",
                        summary.toString()));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
        assertThat(run.err().lines().toList())
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("pendo-sync: cannot open"));
        Map<?, ?> written = json(summary);
        assertThat(written.get("exitCode")).isEqualTo(1L);
        assertThat((String) written.get("error")).contains("127.0.0.1:" + closedPort);
        assertThat(dir.resolve("pg.state.json")).doesNotExist();
    }

    @Test
    void aWrongPostgresPasswordSaysAuthenticationFailedAndNamesTheVariable() throws IOException {
        String url = EmbeddedPostgres.shared().newDatabase();
        Path summary = earlierSummary();
        Map<String, String> environment = new HashMap<>();
        environment.put(PendoSyncCommand.ENV_PG_PASSWORD, "wrong-test-password");

        CommandRun run = CommandRun.of(
                environment,
                demo(
                        "--postgres",
                        url,
                        "--postgres-user",
                        EmbeddedPostgres.USER,
                        "--state",
                        dir.resolve("pg.state.json").toString(),
                        "--summary-json",
                        summary.toString()));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
        assertThat(run.err().lines().toList())
                .hasSize(1)
                .allSatisfy(line -> assertThat(line)
                        .contains("authentication failed for user " + EmbeddedPostgres.USER)
                        .contains(PendoSyncCommand.ENV_PG_PASSWORD)
                        .doesNotContain("disk has space"));
        assertThat(run.out() + run.err()).doesNotContain("wrong-test-password");
        assertThat(json(summary).get("exitCode")).isEqualTo(1L);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(summary);
        }
    }

    @Test
    void aMissingPostgresPasswordNamesTheVariableToSet() {
        String url = EmbeddedPostgres.shared().newDatabase();

        CommandRun run = CommandRun.of(
                Map.of(),
                demo(
                        "--postgres",
                        url,
                        "--postgres-user",
                        EmbeddedPostgres.USER,
                        "--state",
                        dir.resolve("pg.state.json").toString()));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
        assertThat(run.err().lines().toList())
                .hasSize(1)
                .allSatisfy(line -> assertThat(line)
                        .contains(PendoSyncCommand.ENV_PG_PASSWORD + " is not set")
                        .doesNotContain("plugin null")
                        .doesNotContain("disk has space"));
    }
}
