package io.github.pendoclient.examples.sync;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.Region;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pendo-sync}: copies a Pendo subscription into JSON Lines files or a DuckDB database, incrementally, with a
 * state file so that a second run fetches only what is new and a killed run resumes without duplicates or gaps.
 * With no {@code PENDO_INTEGRATION_KEY} it syncs from an embedded {@link FakePendo} with a generated demo dataset.
 */
@Command(name = "pendo-sync", mixinStandardHelpOptions = true, version = "pendo-sync 0.1.0",
        description = "Copies a Pendo subscription into JSON Lines files or a DuckDB database, incrementally.%n"
                + "Without PENDO_INTEGRATION_KEY it syncs from an embedded fake Pendo with demo data.")
public final class PendoSync implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([dhm])");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "Directory for the JSON Lines files (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("pendo-data");

    @Option(names = "--duckdb", description = "Write to this DuckDB database file instead of JSON Lines.")
    Path duckdb;

    @Option(names = "--state", description = "State file (default: .pendo-sync-state.json in --out, or"
            + " <duckdb>.state.json).")
    Path stateFile;

    @Option(names = "--tables", split = ",", description = "Tables to sync (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = TableNames.class)
    List<String> tables = new ArrayList<>(Tables.ALL);

    @Option(names = "--app-ids", split = ",", description = "App ids (default: every app).")
    List<Long> appIds = new ArrayList<>();

    @Option(names = "--start-date", description = "First day of events to sync, YYYY-MM-DD (UTC).")
    LocalDate startDate;

    @Option(names = "--history", description = "How far back to sync events when there is no --start-date, for"
            + " example 90d (default: 30d, or the demo's 60d).")
    String history;

    @Option(names = "--period", description = "day or hour (default: ${DEFAULT-VALUE}).")
    String period = "day";

    @Option(names = "--window", description = "Days (or hours) per request (default: 1 day, 24 hours).")
    Integer window;

    @Option(names = "--recent-first", description = "Sync the newest windows first.")
    boolean recentFirst;

    @Option(names = "--lag", description = "Leave the newest data for a later run, e.g. 8h (default: 0 for days,"
            + " 8h for hours): hourly data arrives late.")
    String lag;

    @Option(names = "--region", description = "us, us1, eu, jp or au (default: PENDO_REGION or us).")
    String region;

    @Option(names = "--include-anonymous", description = "Include anonymous visitors.")
    boolean includeAnonymous;

    @Option(names = "--history-visitors", split = ",", description = "Visitors whose visitor_history to sync"
            + " (default: none; three sample visitors in the demo).")
    List<String> historyVisitors = new ArrayList<>();

    @Option(names = "--page-size", description = "Rows per request for visitors and accounts (default:"
            + " ${DEFAULT-VALUE}).")
    int pageSize = 5_000;

    @Option(names = "--demo-seed", hidden = true)
    long demoSeed = 42;

    @Option(names = "--demo-visitors", hidden = true)
    int demoVisitors = 20_000;

    @Option(names = "--demo-accounts", hidden = true)
    int demoAccounts = 2_000;

    @Option(names = "--demo-days", hidden = true)
    int demoDays = 60;

    @Option(names = "--demo-end", hidden = true, description = "End of the demo events and the clock, YYYY-MM-DD.")
    LocalDate demoEnd;

    @Option(names = "--discard", hidden = true, description = "Fetch and parse, but write nothing (benchmarks).")
    boolean discard;

    @Option(names = "--print-peak-heap", hidden = true, description = "Print the peak heap use at the end.")
    boolean printPeakHeap;

    private final Map<String, String> environment;

    PendoSync(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Runs pendo-sync.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    static int run(Map<String, String> environment, String... args) {
        return new CommandLine(new PendoSync(environment)).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    commandLine.getErr().println("pendo-sync: " + e.getMessage());
                    commandLine.getErr().flush();
                    return 2;
                }).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String table : tables) {
            if (!Tables.ALL.contains(table)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown table '" + table
                        + "'. Tables: " + String.join(", ", Tables.ALL));
            }
        }
        boolean hourly = switch (period.toLowerCase(Locale.ROOT)) {
            case "day" -> false;
            case "hour" -> true;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--period is day or hour");
        };
        String key = environment.get(PendoClient.ENV_INTEGRATION_KEY);
        boolean demo = key == null || key.isBlank();
        Clock clock = demo && demoEnd != null
                ? Clock.fixed(demoEnd.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(9)), ZoneOffset.UTC)
                : Clock.systemUTC();
        FakePendo fake = null;
        PendoClient client;
        if (demo) {
            out.println("No PENDO_INTEGRATION_KEY set: syncing from an embedded FakePendo with a generated demo"
                    + " dataset (" + String.format(Locale.ROOT, "%,d", demoVisitors) + " visitors, "
                    + String.format(Locale.ROOT, "%,d", demoAccounts) + " accounts, " + demoDays
                    + " days of events). Set PENDO_INTEGRATION_KEY (and PENDO_REGION) to sync your subscription.");
            out.flush();
            Dataset dataset = Dataset.generator(demoSeed).visitors(demoVisitors).accounts(demoAccounts)
                    .days(demoDays).endingAt(clock.instant()).build();
            fake = FakePendo.create().withDataset(dataset).withClock(clock).start();
            client = fake.client();
            if (historyVisitors.isEmpty()) {
                historyVisitors = dataset.hourRows().stream().map(r -> r.visitorId()).distinct().limit(3).toList();
            }
        } else {
            PendoClient.Builder builder = PendoClient.builder().integrationKey(key).applicationName("pendo-sync");
            String regionName = region != null ? region : environment.get(PendoClient.ENV_REGION);
            if (regionName != null && !regionName.isBlank()) {
                builder.region(Region.parse(regionName));
            }
            String baseUrl = environment.get(PendoClient.ENV_BASE_URL);
            if (baseUrl != null && !baseUrl.isBlank()) {
                builder.baseUrl(baseUrl);
            }
            client = builder.build();
            out.println("Syncing " + client.baseUrl() + " into " + (duckdb != null ? duckdb : out));
        }
        try (Sink sink = discard ? new DiscardSink() : duckdb != null ? new DuckDbSink(duckdb)
                : new JsonLinesSink(this.out)) {
            Path state = stateFile != null ? stateFile : duckdb != null
                    ? duckdb.resolveSibling(duckdb.getFileName() + ".state.json")
                    : this.out.resolve(".pendo-sync-state.json");
            Syncer syncer = new Syncer(client, sink, SyncState.load(state), settings(hourly, demo, clock),
                    new Progress(err, System.console() != null));
            List<TableResult> results = new ArrayList<>();
            for (String table : tables) {
                if (table.equals("visitor_history") && historyVisitors.isEmpty()) {
                    continue;
                }
                results.add(syncer.sync(table));
            }
            new Progress(out, false).summary(results, sink.describe());
            if (printPeakHeap) {
                long peak = 0;
                for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                out.println("PEAK_HEAP=" + peak);
            }
            return results.stream().allMatch(TableResult::ok) ? 0 : 1;
        } finally {
            client.close();
            if (fake != null) {
                fake.close();
            }
        }
    }

    private Syncer.Settings settings(boolean hourly, boolean demo, Clock clock) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant start;
        if (startDate != null) {
            start = startDate.atStartOfDay().toInstant(ZoneOffset.UTC);
        } else {
            Duration back = history != null ? duration(history, "--history") : Duration.ofDays(demo ? demoDays : 30);
            start = today.minus(back);
        }
        Duration settle = lag != null ? duration(lag, "--lag") : hourly && !demo ? Duration.ofHours(8) : Duration.ZERO;
        int size = window != null ? window : hourly ? 24 : 1;
        return new Syncer.Settings(List.copyOf(appIds), start, hourly, size, settle, recentFirst, includeAnonymous,
                pageSize, List.copyOf(historyVisitors), clock);
    }

    private Duration duration(String text, String option) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " takes a number and d, h or m,"
                    + " for example 90d or 8h; got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** The table names, for --help. */
    static final class TableNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TableNames() {
            super(Tables.ALL);
        }
    }
}
