package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        PendoSyncCommand command = new PendoSyncCommand(Map.of("PENDO_INTEGRATION_KEY", KEY,
                "PENDO_BASE_URL", "http://127.0.0.1:9/"));
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
}
