package io.github.pendoclient.sync.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pendo-sync push}: copies rows from a file or a database into Pendo, sending only what changed. */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        versionProvider = PendoSyncCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Copies visitor, account or parent account metadata, or track events, from a CSV, JSON"
                + " Lines or Parquet file or a DuckDB or PostgreSQL query into Pendo, sending only what changed.%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every row was accepted, or skipped as the options say",
            "1:the run failed, or some rows were rejected (each in --rejects)",
            "2:bad options or environment; nothing was read or sent"
        })
final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PushOptions options = new PushOptions();

    private final Map<String, String> environment;

    PushCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TopLevelOptions.refuseBeforeSubcommand(spec);
        PushPlan plan = plan();
        return new PushRun(
                        plan,
                        environment,
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .call();
    }

    /** Checks every option and the environment; reads, opens and creates nothing. */
    PushPlan plan() {
        return new PushPlanner(options, environment, message -> new ParameterException(spec.commandLine(), message))
                .plan();
    }
}
