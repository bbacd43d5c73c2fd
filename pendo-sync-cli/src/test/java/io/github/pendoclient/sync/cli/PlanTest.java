package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.MetadataColumns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The checked plan of a run, which the run's code passes around and an exception or a debugger may print. */
class PlanTest {

    private static final String KEY = "test-integration-key";

    @TempDir
    Path dir;

    @Test
    void aPlanForASubscriptionDoesNotPrintTheIntegrationKey() {
        PendoSyncCommand command =
                new PendoSyncCommand(Map.of("PENDO_INTEGRATION_KEY", KEY, "PENDO_BASE_URL", "http://127.0.0.1:9/"));
        new CommandLine(command).parseArgs("--out", dir.resolve("out").toString());

        PendoSyncCommand.Plan plan = command.plan();

        assertThat(plan.toString()).doesNotContain(KEY);
    }

    @Test
    void aSmallDemoGetsAccountsInProportionByDefault() {
        PendoSyncCommand command = new PendoSyncCommand(Map.of());
        new CommandLine(command).parseArgs("--demo", "--out", dir.resolve("out").toString(), "--demo-visitors", "200");

        PendoSyncCommand.Plan plan = command.plan();

        assertThat(plan.demo().visitors()).isEqualTo(200);
        assertThat(plan.demo().accounts()).isEqualTo(20);
    }

    @Test
    void theDefaultDemoKeepsItsTwoThousandAccounts() {
        PendoSyncCommand command = new PendoSyncCommand(Map.of());
        new CommandLine(command).parseArgs("--demo", "--out", dir.resolve("out").toString());

        assertThat(command.plan().demo().accounts()).isEqualTo(2_000);
    }

    private PendoSyncCommand.Plan postgresPlan(String url) {
        PendoSyncCommand command =
                new PendoSyncCommand(Map.of("HOME", dir.resolve("home").toString()));
        new CommandLine(command).parseArgs("--demo", "--postgres", url);
        return command.plan();
    }

    @Test
    void postgresKeepsItsStateInTheHomeDirectoryNotTheWorkingDirectory() {
        Path state = postgresPlan("jdbc:postgresql://127.0.0.1:9/analytics")
                .destination()
                .state();

        assertThat(state.toAbsolutePath()).startsWithRaw(dir.resolve("home").resolve(".pendo-sync"));
        assertThat(state.getFileName().toString()).startsWith("postgres-").endsWith(".state.json");
    }

    @Test
    void eachPostgresDatabaseHasAStateFileOfItsOwn() {
        assertThat(postgresPlan("jdbc:postgresql://127.0.0.1:9/analytics")
                        .destination()
                        .state())
                .isNotEqualTo(postgresPlan("jdbc:postgresql://127.0.0.1:9/other")
                        .destination()
                        .state());
    }

    @Test
    void metadataColumnsAreTypedByDefaultAndJsonOnRequest() {
        PendoSyncCommand typed = new PendoSyncCommand(Map.of());
        new CommandLine(typed).parseArgs("--demo", "--out", dir.resolve("a").toString());
        PendoSyncCommand json = new PendoSyncCommand(Map.of());
        new CommandLine(json).parseArgs("--demo", "--out", dir.resolve("b").toString(), "--metadata-columns", "json");

        assertThat(typed.plan().settings().build().metadataColumns()).isEqualTo(MetadataColumns.TYPED);
        assertThat(json.plan().settings().build().metadataColumns()).isEqualTo(MetadataColumns.JSON);
    }

    @Test
    void anUnknownMetadataColumnsFormIsAUsageErrorNamingTheTwoForms() {
        StringWriter err = new StringWriter();

        int code = PendoSyncCommand.run(
                Map.of(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "--demo",
                "--out",
                dir.resolve("c").toString(),
                "--metadata-columns",
                "wide");

        assertThat(code).isEqualTo(PendoSyncCommand.EXIT_USAGE);
        assertThat(err.toString().strip())
                .doesNotContain("\n")
                .contains("--metadata-columns")
                .contains("'typed'")
                .contains("'json'")
                .contains("'wide'");
        assertThat(dir.resolve("c")).doesNotExist();
    }
}
