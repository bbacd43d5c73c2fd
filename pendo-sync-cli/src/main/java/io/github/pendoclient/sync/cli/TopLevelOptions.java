package io.github.pendoclient.sync.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The top-level command carries pull's options so that {@code pendo-sync --out DIR} keeps working; given before a
 * subcommand ({@code pendo-sync --out DIR push}), they would be silently ignored, so they are refused.
 */
final class TopLevelOptions {

    private TopLevelOptions() {}

    /**
     * Refuses options given before the subcommand's name.
     *
     * @param subcommand the spec of the subcommand that runs
     */
    static void refuseBeforeSubcommand(CommandSpec subcommand) {
        CommandSpec parent = subcommand.parent();
        if (parent == null || parent.commandLine().getParseResult() == null) {
            return;
        }
        List<OptionSpec> given = parent.commandLine().getParseResult().matchedOptions();
        if (!given.isEmpty()) {
            String name = given.get(0).longestName();
            throw new ParameterException(
                    subcommand.commandLine(),
                    name + " comes before '" + subcommand.name() + "' and would be ignored; put every option after '"
                            + subcommand.name() + "'");
        }
    }
}
