package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.TableRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pendo-sync}: copies a Pendo subscription into JSON Lines files, a DuckDB database, Parquet files or a
 * PostgreSQL database, incrementally, with a
 * state file so that a second run fetches only what is new and a killed run resumes without duplicates or gaps.
 * With no {@code PENDO_INTEGRATION_KEY} it syncs from an in-process fake Pendo with a generated demo dataset into
 * {@code ./pendo-data}; any other destination for the demo needs {@code --demo}, and an environment that names a
 * subscription (a region, a base URL, an empty key) without a key is refused rather than taken for the demo.
 *
 * <p>Every option is checked before anything is created or started; a bad one is a single line on standard error
 * and exit status {@value #EXIT_USAGE}. Exit status {@value #EXIT_OK} means every table synced,
 * {@value #EXIT_FAILED} that some failed (each named with its cause on standard error).
 */
@Command(
        name = "pendo-sync",
        mixinStandardHelpOptions = true,
        versionProvider = PendoSyncCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Copies a Pendo subscription into JSON Lines files, a DuckDB database, Parquet files or a"
                + " PostgreSQL database, incrementally.%n"
                + "Without PENDO_INTEGRATION_KEY it syncs from an in-process fake Pendo with demo data.%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every table synced",
            "1:some tables failed (each is named, with its cause)",
            "2:bad options or environment; nothing was created"
        })
public final class PendoSyncCommand implements Callable<Integer> {

    /** Every table synced. */
    public static final int EXIT_OK = 0;
    /** Some tables failed; the others synced. */
    public static final int EXIT_FAILED = 1;
    /** The command line or environment is wrong; nothing was created. */
    public static final int EXIT_USAGE = 2;

    static final int MAX_DAY_WINDOW = 30;
    static final int MAX_HOUR_WINDOW = 24 * 7;
    static final int MAX_PAGE_SIZE = 500_000;
    static final int MAX_DEMO_VISITORS = 5_000_000;
    /** The demo's accounts when --demo-accounts is not given: one per ten visitors, at most this many. */
    static final int DEFAULT_DEMO_ACCOUNTS = 2_000;

    /** The directory under the home directory that holds the default state of --postgres. */
    static final String STATE_DIRECTORY = ".pendo-sync";

    /** The environment variable holding the PostgreSQL password for {@code --postgres}. */
    public static final String ENV_PG_PASSWORD = "PENDO_SYNC_PG_PASSWORD";

    @Spec
    CommandSpec spec;

    /** The options of a pull, which is what pendo-sync runs when no subcommand is given. */
    @Mixin
    PullOptions options = new PullOptions();

    private final Map<String, String> environment;

    PendoSyncCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Runs pendo-sync and exits with its status.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), STANDARD_ERROR, args));
    }

    /** Standard error as the command writes it; progress bars are drawn only there, and only on a terminal. */
    static final PrintWriter STANDARD_ERROR = new PrintWriter(System.err, true);

    /**
     * Runs pendo-sync without exiting.
     *
     * @param environment the environment ({@code PENDO_INTEGRATION_KEY}, {@code PENDO_REGION}...)
     * @param out where the banner and summary go
     * @param err where progress and errors go
     * @param args the command line
     * @return the exit status
     */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new PendoSyncCommand(environment));
        commandLine.addSubcommand(new PullCommand(environment));
        commandLine.addSubcommand(new PushCommand(environment));
        commandLine.setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine refused = e.getCommandLine();
            PrintWriter to = refused.getErr();
            to.println("pendo-sync: " + oneLine(e.getMessage()) + " ("
                    + refused.getCommandSpec().qualifiedName() + " --help lists the options)");
            to.flush();
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("pendo-sync: " + oneLine(e.getMessage()));
            cl.getErr().flush();
            return EXIT_FAILED;
        });
        return commandLine.execute(args);
    }

    /** A message on one line: line breaks and the spaces around them become one space. */
    static String oneLine(String message) {
        return message == null
                ? "failed"
                : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    @Override
    public Integer call() {
        return pull(plan(), spec);
    }

    /** Runs a checked pull. */
    static int pull(Plan plan, CommandSpec spec) {
        SyncRun run = new SyncRun(
                plan, spec.commandLine().getOut(), spec.commandLine().getErr());
        int code = run.call();
        MetricsFile.write(
                plan.metricsFile(), run.summary(), code, spec.commandLine().getErr());
        return code;
    }

    /** Checks every option and the environment; creates nothing. */
    Plan plan() {
        return new PullPlanner(options, environment, message -> new ParameterException(spec.commandLine(), message))
                .plan();
    }

    /** Opens a sink once the run starts; a lambda, so that no password shows in a {@code toString()}. */
    @FunctionalInterface
    interface SinkOpener {
        Sink open() throws IOException;
    }

    /**
     * Where the rows and the state go.
     *
     * @param target the destination for people: a path, or a JDBC URL without its parameters
     * @param state the state file
     * @param opener opens the sink
     * @param advice what to check when it cannot be opened, for people
     */
    record Destination(String target, Path state, SinkOpener opener, String advice) {

        Sink open() throws IOException {
            return opener.open();
        }
    }

    /** The demo's dataset and clock. */
    record Demo(long seed, int visitors, int accounts, int days, Clock clock) {}

    /** Opens the client of a run against a subscription; a lambda, so that no key shows in a {@code toString()}. */
    @FunctionalInterface
    interface ClientOpener {
        PendoClient open();
    }

    /**
     * Everything a run needs, checked.
     *
     * @param client opens the client of a run against a subscription; {@code null} for the demo
     */
    record Plan(
            List<String> tables,
            SyncOptions.Builder settings,
            Destination destination,
            SyncState state,
            Demo demo,
            ClientOpener client,
            Path summaryJson,
            Path metricsFile) {}

    /** The table names, for --help. */
    static final class TableNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TableNames() {
            super(TableRegistry.standard().names());
        }
    }

    /** The build's version, from a resource Maven fills in. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"pendo-sync " + version()};
        }

        static String version() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = PendoSyncCommand.class.getResourceAsStream("pendo-sync.properties")) {
                if (in == null) {
                    throw new IOException("pendo-sync.properties is missing from the build");
                }
                properties.load(in);
            }
            return properties.getProperty("version");
        }
    }
}
