package io.github.pendoclient.sync.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pendo-sync pull}: copies a Pendo subscription into a storage, incrementally. The same run as
 * {@code pendo-sync} with no subcommand, under its own name.
 */
@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        versionProvider = PendoSyncCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Copies a Pendo subscription into JSON Lines files, a DuckDB database, Parquet files or a"
                + " PostgreSQL database, incrementally (what pendo-sync does with no subcommand).%n"
                + "Without PENDO_INTEGRATION_KEY it syncs from an in-process fake Pendo with demo data.%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every table synced",
            "1:some tables failed (each is named, with its cause)",
            "2:bad options or environment; nothing was created"
        })
final class PullCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PullOptions options = new PullOptions();

    private final Map<String, String> environment;

    PullCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TopLevelOptions.refuseBeforeSubcommand(spec);
        PendoSyncCommand.Plan plan = new PullPlanner(
                        options, environment, message -> new ParameterException(spec.commandLine(), message))
                .plan();
        return PendoSyncCommand.pull(plan, spec);
    }
}
