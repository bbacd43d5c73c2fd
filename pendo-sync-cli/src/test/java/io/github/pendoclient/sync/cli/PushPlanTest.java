package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The checked plan of a push, which the run passes around and an exception or a debugger may print. */
class PushPlanTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PENDO_INTEGRATION_KEY",
            "test-integration-key",
            "PENDO_BASE_URL",
            "http://127.0.0.1:9/",
            "PENDO_TRACK_SHARED_SECRET",
            "test-track-shared-secret",
            "PENDO_TRACK_BASE_URL",
            "http://127.0.0.1:9/",
            PendoSyncCommand.ENV_PG_PASSWORD,
            "test-pg-password");

    @TempDir
    Path dir;

    private PushPlan plan(String... args) {
        PushCommand command = new PushCommand(ENVIRONMENT);
        new CommandLine(command).parseArgs(args);
        return command.plan();
    }

    @Test
    void aPlanForEventsFromPostgresPrintsNoSecret() {
        PushPlan plan = plan(
                "--from-postgres-query", "SELECT * FROM events",
                "--postgres", "jdbc:postgresql://127.0.0.1:9/warehouse",
                "--object", "track",
                "--event-name", "signup",
                "--visitor-column", "visitor",
                "--unique-key-column", "id",
                "--state", dir.resolve("state.json").toString());

        assertThat(plan.toString())
                .doesNotContain("test-integration-key")
                .doesNotContain("test-track-shared-secret")
                .doesNotContain("test-pg-password");
    }

    @Test
    void theDefaultStateIsOnePerJobInTheHomeDirectory() throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "id,plan\n");
        String home = dir.resolve("home").toString();
        PushCommand first = new PushCommand(Map.of("PENDO_INTEGRATION_KEY", "test-integration-key", "HOME", home));
        new CommandLine(first)
                .parseArgs(
                        "--from-csv",
                        csv.toString(),
                        "--object",
                        "visitor",
                        "--id-column",
                        "id",
                        "--map",
                        "plan=plan_tier");
        PushCommand second = new PushCommand(Map.of("PENDO_INTEGRATION_KEY", "test-integration-key", "HOME", home));
        new CommandLine(second)
                .parseArgs(
                        "--from-csv", csv.toString(), "--object", "visitor", "--id-column", "id", "--map", "plan=plan");

        Path state = first.plan().state();

        assertThat(state).startsWithRaw(Path.of(home, ".pendo-sync"));
        assertThat(state.getFileName().toString()).startsWith("push-visitor-").endsWith(".state.json");
        assertThat(second.plan().state()).as("another mapping is another job").isNotEqualTo(state);
        assertThat(first.plan().rejects()).isEqualTo(state.resolveSibling(state.getFileName() + ".rejects.jsonl"));
    }
}
