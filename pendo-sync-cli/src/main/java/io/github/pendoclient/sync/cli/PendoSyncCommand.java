package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.Region;
import io.github.pendoclient.internal.Hosts;
import io.github.pendoclient.sync.MetadataColumns;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.internal.Durations;
import io.github.pendoclient.sync.sink.DuckDbLimits;
import io.github.pendoclient.sync.sink.DuckDbSink;
import io.github.pendoclient.sync.sink.JsonLinesSink;
import io.github.pendoclient.sync.sink.ParquetSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    private static final Path DEFAULT_OUT = Path.of("pendo-data");
    /** The directory under the home directory that holds the default state of --postgres. */
    static final String STATE_DIRECTORY = ".pendo-sync";

    private static final String FILE_ADVICE =
            "Check that no other pendo-sync uses it and that the disk has space," + " then run again.";
    /** The environment variable holding the PostgreSQL password for {@code --postgres}. */
    public static final String ENV_PG_PASSWORD = "PENDO_SYNC_PG_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory for the JSON Lines files (default: ./pendo-data).")
    Path out;

    @Option(names = "--duckdb", paramLabel = "FILE", description = "Write to this DuckDB database instead.")
    Path duckdb;

    @Option(
            names = "--parquet",
            paramLabel = "DIR",
            description = "Write one Parquet file per table into this" + " directory instead (staged in DIR/"
                    + ParquetSink.STAGING_FILE + ").")
    Path parquet;

    @Option(
            names = "--duckdb-memory",
            paramLabel = "SIZE",
            description = "Buffer memory of the embedded DuckDB"
                    + " behind --duckdb and --parquet, past which it spills to disk (default: "
                    + "${DEFAULT-VALUE}; DuckDB's own default is 80%% of the machine's memory).")
    String duckdbMemory = DuckDbLimits.defaults().memoryLimit();

    @Option(names = "--duckdb-threads", paramLabel = "N", description = "Worker threads of that DuckDB (default: 1).")
    int duckdbThreads = DuckDbLimits.defaults().threads();

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description = "Upsert into this PostgreSQL database"
                    + " instead, e.g. jdbc:postgresql://localhost:5432/analytics; the password comes from "
                    + ENV_PG_PASSWORD + ".")
    String postgres;

    @Option(
            names = "--postgres-user",
            paramLabel = "USER",
            description = "The PostgreSQL user (default: PGUSER," + " else postgres).")
    String postgresUser;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "State file (default: .pendo-sync-state.json in"
                    + " --out or --parquet, FILE.state.json beside --duckdb, ~/" + STATE_DIRECTORY
                    + "/postgres-HASH.state.json for --postgres, one per JDBC URL).")
    Path stateFile;

    @Option(
            names = "--tables",
            paramLabel = "TABLE",
            split = ",",
            description = "Tables to sync (default: all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = TableNames.class)
    List<String> tables;

    @Option(names = "--app-ids", paramLabel = "APP_ID", split = ",", description = "App ids (default: every app).")
    List<Long> appIds = new ArrayList<>();

    @Option(
            names = "--start-date",
            paramLabel = "YYYY-MM-DD",
            description = "First day of events to sync (UTC). Not with --history.")
    String startDate;

    @Option(
            names = "--history",
            paramLabel = "DURATION",
            description =
                    "How far back to sync events, e.g. 90d" + " (default: 30d; the demo's 60d). Not with --start-date.")
    String history;

    @Option(
            names = "--period",
            paramLabel = "day|hour",
            description = "Event rows per day or per hour" + " (default: day).")
    String period = "day";

    @Option(
            names = "--window",
            paramLabel = "N",
            description = "Days (1.." + MAX_DAY_WINDOW + ") or hours (1.." + MAX_HOUR_WINDOW
                    + ") per request (default: 1 day, 24 hours).")
    Integer window;

    @Option(names = "--recent-first", description = "Sync the newest windows first.")
    boolean recentFirst;

    @Option(
            names = "--lag",
            paramLabel = "DURATION",
            description = "Leave the newest data for a later run, e.g. 8h"
                    + " (default: 0 for days, 8h for hours: hourly data arrives late).")
    String lag;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "us, us1, eu, jp or au (default: PENDO_REGION" + " or us). Needs PENDO_INTEGRATION_KEY.")
    String region;

    @Option(names = "--include-anonymous", description = "Also sync anonymous visitors (skipped by default).")
    boolean includeAnonymous;

    @Option(
            names = "--metadata-columns",
            paramLabel = "typed|json",
            description = "visitors and accounts: a typed column per metadata schema field beside the metadata JSON"
                    + " (typed, the default), or the metadata JSON column only (json).")
    String metadataColumns = "typed";

    @Option(
            names = "--history-visitors",
            paramLabel = "VISITOR_ID",
            split = ",",
            description =
                    "Visitors whose" + " visitor_history to sync (default: none; three sample visitors in the demo).")
    List<String> historyVisitors = new ArrayList<>();

    @Option(
            names = "--page-size",
            paramLabel = "ROWS",
            description = "Rows per request for visitors and accounts," + " 1.." + MAX_PAGE_SIZE + " (default: 50000).")
    Integer pageSize;

    @Option(
            names = "--summary-json",
            paramLabel = "FILE",
            description = "Also write the summary as JSON here," + " for schedulers.")
    Path summaryJson;

    @Option(
            names = "--metrics-file",
            paramLabel = "FILE",
            description = "Also write the run's figures here in the Prometheus text format, for the node exporter's"
                    + " textfile collector (rows, seconds, requests, retries, last success per table, exit status).")
    Path metricsFile;

    @Option(
            names = "--demo",
            description = "Run the demo (no PENDO_INTEGRATION_KEY) into the destination the other"
                    + " options name; without it the demo writes only to ./pendo-data.")
    boolean demoRequested;

    @Option(
            names = "--demo-visitors",
            paramLabel = "N",
            description = "Demo only: visitors to generate" + " (default: 20000).")
    Integer demoVisitors;

    @Option(
            names = "--demo-accounts",
            paramLabel = "N",
            description =
                    "Demo only: accounts (default: one per ten" + " visitors, at most " + DEFAULT_DEMO_ACCOUNTS + ").")
    Integer demoAccounts;

    @Option(names = "--demo-days", paramLabel = "N", description = "Demo only: days of events (default: 60).")
    Integer demoDays;

    @Option(names = "--demo-seed", paramLabel = "N", description = "Demo only: the generator's seed (default: 42).")
    Long demoSeed;

    @Option(
            names = "--demo-end",
            paramLabel = "YYYY-MM-DD",
            description = "Demo only: the last day of events," + " which also fixes the clock (default: today).")
    String demoEnd;

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
        commandLine.setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter to = e.getCommandLine().getErr();
            to.println("pendo-sync: " + oneLine(e.getMessage()) + " (pendo-sync --help lists the options)");
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

    private static String oneLine(String message) {
        return message == null
                ? "failed"
                : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    @Override
    public Integer call() throws Exception {
        Plan plan = plan();
        SyncRun run = new SyncRun(
                plan, spec.commandLine().getOut(), spec.commandLine().getErr());
        int code = run.call();
        MetricsFile.write(metricsFile, run.summary(), code, spec.commandLine().getErr());
        return code;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Checks every option and the environment; creates nothing. */
    Plan plan() {
        String key = environment.get(PendoClient.ENV_INTEGRATION_KEY);
        boolean demo = key == null;
        checkKeyEnvironment(key);
        List<String> destinations = new ArrayList<>();
        for (Object[] option :
                new Object[][] {{"--out", out}, {"--duckdb", duckdb}, {"--parquet", parquet}, {"--postgres", postgres}
                }) {
            if (option[1] != null) {
                destinations.add((String) option[0]);
            }
        }
        if (destinations.size() > 1) {
            throw usage(destinations.get(0) + " and " + destinations.get(1) + " both name a destination; give one"
                    + " of them");
        }
        if (demo && !demoRequested) {
            refuseDemoElsewhere();
        }
        if (startDate != null && history != null) {
            throw usage("--start-date and --history both say where events start; give one of them");
        }
        List<String> names = tables == null ? TableRegistry.standard().names() : checkTables(tables);
        boolean hourly = switch (period.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> false;
            case "hour" -> true;
            default -> throw usage("--period is day or hour, got '" + period + "'");
        };
        int maxWindow = hourly ? MAX_HOUR_WINDOW : MAX_DAY_WINDOW;
        if (window != null && (window < 1 || window > maxWindow)) {
            throw usage("--window is 1.." + maxWindow + " " + (hourly ? "hours" : "days") + ", got " + window);
        }
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            throw usage("--page-size is 1.." + MAX_PAGE_SIZE + " rows, got " + pageSize);
        }
        for (String visitor : historyVisitors) {
            if (visitor.isBlank()) {
                throw usage("--history-visitors has an empty visitor id; separate ids with single commas");
            }
        }
        if (demo) {
            if (region != null) {
                throw usage("--region needs PENDO_INTEGRATION_KEY: without a key pendo-sync runs the in-process"
                        + " demo; set the key, or drop --region");
            }
        } else {
            rejectDemoOptions();
            Region chosenRegion = null;
            String regionName = region != null ? region : environment.get(PendoClient.ENV_REGION);
            if (regionName != null && !regionName.isBlank()) {
                try {
                    chosenRegion = Region.parse(regionName);
                } catch (IllegalArgumentException e) {
                    throw usage((region != null ? "--region: " : "PENDO_REGION: ") + e.getMessage());
                }
            }
            String baseUrl = environment.get(PendoClient.ENV_BASE_URL);
            if (baseUrl != null && !baseUrl.isBlank()) {
                checkBaseUrl(baseUrl.trim(), key, chosenRegion);
            }
        }
        Demo demoPlan = demo ? demoPlan() : null;
        Clock clock = demoPlan != null ? demoPlan.clock() : Clock.systemUTC();
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant start;
        if (startDate != null) {
            LocalDate date = date(startDate, "--start-date");
            start = date.atStartOfDay().toInstant(ZoneOffset.UTC);
            if (!start.isBefore(today)) {
                throw usage("--start-date " + startDate + " is not in the past; give an earlier day");
            }
        } else {
            Duration back = history != null
                    ? duration(history, "--history", false)
                    : Duration.ofDays(demoPlan != null ? demoPlan.days() : 30);
            start = today.minus(back);
        }
        Duration settle =
                lag != null ? duration(lag, "--lag", true) : hourly && !demo ? Duration.ofHours(8) : Duration.ZERO;
        Destination destination = destination();
        SyncOptions.Builder settings = SyncOptions.builder()
                .appIds(appIds)
                .start(start)
                .hourly(hourly)
                .windowSize(window != null ? window : hourly ? 24 : 1)
                .lag(settle)
                .recentFirst(recentFirst)
                .includeAnonymous(includeAnonymous)
                .metadataColumns(MetadataColumns.parse(metadataColumns))
                .historyVisitors(historyVisitors)
                .clock(clock);
        if (pageSize != null) {
            settings.pageSize(pageSize);
        }
        SyncState state;
        try {
            state = SyncState.load(destination.state());
        } catch (IOException e) {
            throw usage(oneLine(e.getMessage()));
        }
        return new Plan(names, settings, destination, state, demoPlan, demo ? null : clientOpener(), summaryJson);
    }

    /**
     * Opens the client as {@link PendoClient#fromEnv(Map)} reads the environment (already checked by
     * {@link #plan()}), with {@code --region} in place of {@code PENDO_REGION}. A lambda over the environment, so
     * that the key is held by nothing a {@code toString()} prints.
     */
    private ClientOpener clientOpener() {
        Map<String, String> variables = new HashMap<>(environment);
        if (region != null) {
            variables.put(PendoClient.ENV_REGION, region);
        }
        return () -> {
            try (PendoClient fromEnv = PendoClient.fromEnv(variables)) {
                return fromEnv.toBuilder().applicationName("pendo-sync").build();
            }
        };
    }

    /**
     * The key decides between a real run and the demo; an empty key, or a region or base URL without a key, names a
     * subscription that cannot be synced, and is refused rather than taken for the demo.
     */
    private void checkKeyEnvironment(String key) {
        if (key != null && key.isBlank()) {
            throw usage(PendoClient.ENV_INTEGRATION_KEY + " is set but empty; set it to your integration key, or"
                    + " unset it to run the demo");
        }
        if (key == null) {
            for (String variable : List.of(PendoClient.ENV_BASE_URL, PendoClient.ENV_REGION)) {
                String value = environment.get(variable);
                if (value != null && !value.isBlank()) {
                    throw usage(variable + " is set but " + PendoClient.ENV_INTEGRATION_KEY + " is not; set the"
                            + " key to sync your subscription, or unset " + variable + " to run the demo");
                }
            }
        } else if (demoRequested) {
            throw usage("--demo runs the in-process demo, but " + PendoClient.ENV_INTEGRATION_KEY + " is set; drop"
                    + " --demo, or unset the key");
        }
    }

    /** Without a key and without {@code --demo}, the demo writes into ./pendo-data and nowhere else. */
    private void refuseDemoElsewhere() {
        String elsewhere = null;
        if (duckdb != null) {
            elsewhere = "--duckdb " + duckdb;
        } else if (parquet != null) {
            elsewhere = "--parquet " + parquet;
        } else if (postgres != null) {
            elsewhere = "--postgres";
        } else if (out != null && !inDemoDirectory(out)) {
            elsewhere = "--out " + out;
        } else if (stateFile != null && !inDemoDirectory(stateFile)) {
            elsewhere = "--state " + stateFile;
        } else if (summaryJson != null && !inDemoDirectory(summaryJson)) {
            elsewhere = "--summary-json " + summaryJson;
        }
        if (elsewhere != null) {
            throw usage(PendoClient.ENV_INTEGRATION_KEY + " is not set, so this run is the demo and would write demo"
                    + " data to " + elsewhere + "; set the key to sync your subscription, or add --demo to write"
                    + " the demo there");
        }
    }

    private static boolean inDemoDirectory(Path path) {
        return path.toAbsolutePath()
                .normalize()
                .startsWith(DEFAULT_OUT.toAbsolutePath().normalize());
    }

    /**
     * A base URL the client would refuse is refused here, before anything starts: the key is never sent in clear
     * text to a host that is not loopback.
     */
    private void checkBaseUrl(String baseUrl, String key, Region chosenRegion) {
        URI uri;
        try {
            uri = baseUrl.matches("https?://[^\\s/]+(/\\S*)?") ? new URI(baseUrl) : null;
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            throw usage("PENDO_BASE_URL must be an http(s) URL, got '" + withoutUserInfo(baseUrl) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw usage("PENDO_BASE_URL must not carry a user or password before '@' (the client does not send it,"
                    + " and it would be printed); remove it");
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !Hosts.isLoopback(uri.getHost())) {
            throw usage("PENDO_BASE_URL " + withoutUserInfo(baseUrl) + " is plain http to a host that is not"
                    + " loopback: the integration key would travel in clear text; use https");
        }
        PendoClient.Builder trial = PendoClient.builder().integrationKey(key);
        if (chosenRegion != null) {
            trial.region(chosenRegion);
        }
        try (PendoClient client = trial.baseUrl(baseUrl).build()) {
            client.baseUrl();
        } catch (IllegalArgumentException e) {
            throw usage("PENDO_BASE_URL: " + oneLine(withoutUserInfo(e.getMessage())));
        }
    }

    /** A URL without the user and password some URLs carry before {@code @}. */
    static String withoutUserInfo(String url) {
        int start = url == null ? -1 : url.indexOf("//");
        if (start < 0) {
            return url;
        }
        int end = url.indexOf('/', start + 2);
        String authority = end < 0 ? url.substring(start + 2) : url.substring(start + 2, end);
        int at = authority.lastIndexOf('@');
        return at < 0
                ? url
                : url.substring(0, start + 2) + authority.substring(at + 1) + (end < 0 ? "" : url.substring(end));
    }

    private List<String> checkTables(List<String> requested) {
        TableRegistry registry = TableRegistry.standard();
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : requested) {
            String table = name.trim();
            if (registry.find(table).isEmpty()) {
                throw usage("unknown table '" + name + "'; the tables are " + String.join(",", registry.names()));
            }
            if (!chosen.add(table)) {
                throw usage("--tables names " + table + " twice");
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String table : registry.names()) {
            if (chosen.contains(table)) {
                ordered.add(table);
            }
        }
        return ordered;
    }

    private void rejectDemoOptions() {
        Map<String, Object> demoOptions = new java.util.LinkedHashMap<>();
        demoOptions.put("--demo-visitors", demoVisitors);
        demoOptions.put("--demo-accounts", demoAccounts);
        demoOptions.put("--demo-days", demoDays);
        demoOptions.put("--demo-seed", demoSeed);
        demoOptions.put("--demo-end", demoEnd);
        demoOptions.forEach((name, value) -> {
            if (value != null) {
                throw usage(name + " is for the demo, but PENDO_INTEGRATION_KEY is set; drop " + name
                        + " or unset the key");
            }
        });
    }

    private Demo demoPlan() {
        int visitors = demoVisitors != null ? demoVisitors : 20_000;
        int accounts =
                demoAccounts != null ? demoAccounts : Math.max(1, Math.min(DEFAULT_DEMO_ACCOUNTS, visitors / 10));
        int days = demoDays != null ? demoDays : 60;
        if (visitors < 1 || visitors > MAX_DEMO_VISITORS) {
            throw usage("--demo-visitors is 1.." + MAX_DEMO_VISITORS + ", got " + visitors);
        }
        if (accounts < 1 || accounts > visitors) {
            throw usage("--demo-accounts is 1..--demo-visitors (" + visitors + "), got " + accounts);
        }
        if (days < 1 || days > 365) {
            throw usage("--demo-days is 1..365, got " + days);
        }
        Clock clock = demoEnd == null
                ? Clock.systemUTC()
                : Clock.fixed(
                        date(demoEnd, "--demo-end")
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .plus(Duration.ofHours(9)),
                        ZoneOffset.UTC);
        return new Demo(demoSeed != null ? demoSeed : 42, visitors, accounts, days, clock);
    }

    private LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw usage(option + " takes a day as YYYY-MM-DD, for example 2026-01-31; got '" + text + "'");
        }
    }

    private Duration duration(String text, String option, boolean zeroAllowed) {
        try {
            return Durations.parse(option, text, zeroAllowed, Duration.ofDays(3_650));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Destination destination() {
        Path state;
        Path target;
        if (postgresUser != null && postgres == null) {
            throw usage("--postgres-user is for --postgres; add --postgres JDBC_URL or drop --postgres-user");
        }
        if (postgres != null) {
            return postgresDestination();
        }
        if (parquet != null) {
            if (Files.exists(parquet) && !Files.isDirectory(parquet)) {
                throw usage("--parquet " + parquet + " is a file, not a directory; give a directory");
            }
            Writable.check(parquet, true, "--parquet", this::usage);
            state = checkState(stateFile != null ? stateFile : parquet.resolve(".pendo-sync-state.json"));
            Path directory = parquet;
            DuckDbLimits limits = duckDbLimits();
            return new Destination(directory.toString(), state, () -> new ParquetSink(directory, limits), FILE_ADVICE);
        }
        if (duckdb != null) {
            target = duckdb;
            if (Files.isDirectory(duckdb)) {
                throw usage("--duckdb " + duckdb + " is a directory; give a file such as "
                        + duckdb.resolve("pendo.duckdb"));
            }
            Writable.check(duckdb, false, "--duckdb", this::usage);
            state = stateFile != null ? stateFile : duckdb.resolveSibling(duckdb.getFileName() + ".state.json");
        } else {
            target = out != null ? out : DEFAULT_OUT;
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw usage((out != null ? "--out " : "the default output ") + target + " is a file, not a"
                        + " directory; give a directory with --out");
            }
            Writable.check(target, true, out != null ? "--out" : "the output directory", this::usage);
            state = stateFile != null ? stateFile : target.resolve(".pendo-sync-state.json");
        }
        checkState(state);
        Path directory = target;
        DuckDbLimits limits = duckDbLimits();
        return new Destination(
                target.toString(),
                state,
                duckdb != null ? () -> new DuckDbSink(directory, limits) : () -> new JsonLinesSink(directory),
                FILE_ADVICE);
    }

    private DuckDbLimits duckDbLimits() {
        try {
            return new DuckDbLimits(duckdbMemory, duckdbThreads);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage() + " (--duckdb-memory, --duckdb-threads)");
        }
    }

    /** A PostgreSQL destination: the URL's form, the user and where the password comes from, checked up front. */
    private Destination postgresDestination() {
        if (hasUserInfo(postgres)) {
            throw usage("--postgres must not carry a user or password before '@' (command lines are visible to"
                    + " other users); give the user with --postgres-user and set " + ENV_PG_PASSWORD);
        }
        if (!postgres.startsWith("jdbc:postgresql://") || postgres.length() == "jdbc:postgresql://".length()) {
            throw usage("--postgres takes a JDBC URL such as jdbc:postgresql://localhost:5432/analytics, got '"
                    + withoutParameters(postgres) + "'");
        }
        if (postgres.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            throw usage("--postgres must not carry the password (command lines are visible to other users);"
                    + " remove password= from the URL and set " + ENV_PG_PASSWORD);
        }
        String user = postgresUser != null ? postgresUser : environment.getOrDefault("PGUSER", "postgres");
        if (user.isBlank()) {
            throw usage("--postgres-user is empty; give the database user");
        }
        String password = environment.get(ENV_PG_PASSWORD);
        Path state = checkState(stateFile != null ? stateFile : postgresStateFile(postgres));
        String url = postgres;
        String target = withoutParameters(postgres);
        return new Destination(
                target,
                state,
                () -> PostgresLogin.connect(url, user, password),
                "Check that the server runs and accepts connections from this host, and the URL and user, then run"
                        + " again.");
    }

    /**
     * The default state file of a PostgreSQL destination: in {@code ~/.pendo-sync}, one per database URL (named by
     * a hash of it, as the URL has no file of its own to sit beside), so that a run never leaves a file in the
     * working directory and two databases never share checkpoints.
     */
    private Path postgresStateFile(String url) {
        String home = environment.get("HOME");
        Path directory =
                Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), STATE_DIRECTORY);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return directory.resolve("postgres-" + HexFormat.of().formatHex(digest, 0, 8) + ".state.json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether a URL carries anything before an {@code @} in its host part: a user, perhaps with a password. */
    private static boolean hasUserInfo(String url) {
        String head = withoutParameters(url);
        int slashes = head.indexOf("//");
        String authority = slashes < 0 ? head : head.substring(slashes + 2);
        int path = authority.indexOf('/');
        return (path < 0 ? authority : authority.substring(0, path)).indexOf('@') >= 0;
    }

    /** A JDBC URL without its parameters, which may carry secrets, and without any user info. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String head = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return head.replaceAll("^(.*//)?[^/]*@", "$1***@");
    }

    private Path checkState(Path state) {
        if (Files.isDirectory(state)) {
            throw usage("--state " + state + " is a directory; give a file");
        }
        Writable.check(state, false, "--state", this::usage);
        checkSummaryJson();
        return state;
    }

    private void checkSummaryJson() {
        if (summaryJson != null) {
            if (Files.isDirectory(summaryJson)) {
                throw usage("--summary-json " + summaryJson + " is a directory; give a file");
            }
            Writable.check(summaryJson, false, "--summary-json", this::usage);
        }
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
            Path summaryJson) {}

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
