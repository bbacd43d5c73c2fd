package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.MetadataColumns;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.cli.PendoSyncCommand.Demo;
import io.github.pendoclient.sync.cli.PendoSyncCommand.Destination;
import io.github.pendoclient.sync.cli.PendoSyncCommand.Plan;
import io.github.pendoclient.sync.internal.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;

/**
 * Checks every option of a pull and the environment, and turns them into a {@link Plan}; creates nothing. The
 * destination's own checks are in {@link PullDestinations}.
 */
final class PullPlanner {

    private static final Path DEFAULT_OUT = PullDestinations.DEFAULT_OUT;

    private final PullOptions o;
    private final Map<String, String> environment;
    private final Function<String, ParameterException> usage;

    PullPlanner(PullOptions options, Map<String, String> environment, Function<String, ParameterException> usage) {
        this.o = options;
        this.environment = environment;
        this.usage = usage;
    }

    private ParameterException usage(String message) {
        return usage.apply(message);
    }

    /** Checks every option and the environment; creates nothing. */
    Plan plan() {
        Subscription subscription = new Subscription(environment, usage);
        boolean demo = subscription.demo();
        subscription.checkKeyEnvironment(o.demoRequested, "sync");
        List<String> destinations = new ArrayList<>();
        for (Object[] option : new Object[][] {
            {"--out", o.out}, {"--duckdb", o.duckdb}, {"--parquet", o.parquet}, {"--postgres", o.postgres}
        }) {
            if (option[1] != null) {
                destinations.add((String) option[0]);
            }
        }
        if (destinations.size() > 1) {
            throw usage(destinations.get(0) + " and " + destinations.get(1) + " both name a destination; give one"
                    + " of them");
        }
        if (demo && !o.demoRequested) {
            refuseDemoElsewhere();
        }
        if (o.startDate != null && o.history != null) {
            throw usage("--start-date and --history both say where events start; give one of them");
        }
        List<String> names = o.tables == null ? TableRegistry.standard().names() : checkTables(o.tables);
        boolean hourly = switch (o.period.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> false;
            case "hour" -> true;
            default -> throw usage("--period is day or hour, got '" + o.period + "'");
        };
        int maxWindow = hourly ? PendoSyncCommand.MAX_HOUR_WINDOW : PendoSyncCommand.MAX_DAY_WINDOW;
        if (o.window != null && (o.window < 1 || o.window > maxWindow)) {
            throw usage("--window is 1.." + maxWindow + " " + (hourly ? "hours" : "days") + ", got " + o.window);
        }
        if (o.pageSize != null && (o.pageSize < 1 || o.pageSize > PendoSyncCommand.MAX_PAGE_SIZE)) {
            throw usage("--page-size is 1.." + PendoSyncCommand.MAX_PAGE_SIZE + " rows, got " + o.pageSize);
        }
        for (String visitor : o.historyVisitors) {
            if (visitor.isBlank()) {
                throw usage("--history-visitors has an empty visitor id; separate ids with single commas");
            }
        }
        if (demo) {
            if (o.region != null) {
                throw usage("--region needs PENDO_INTEGRATION_KEY: without a key pendo-sync runs the in-process"
                        + " demo; set the key, or drop --region");
            }
        } else {
            rejectDemoOptions();
            subscription.checkRegionAndBaseUrl(o.region);
        }
        Demo demoPlan = demo ? demoPlan() : null;
        Clock clock = demoPlan != null ? demoPlan.clock() : Clock.systemUTC();
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant start;
        if (o.startDate != null) {
            LocalDate date = date(o.startDate, "--start-date");
            start = date.atStartOfDay().toInstant(ZoneOffset.UTC);
            if (!start.isBefore(today)) {
                throw usage("--start-date " + o.startDate + " is not in the past; give an earlier day");
            }
        } else {
            Duration back = o.history != null
                    ? duration(o.history, "--history", false)
                    : Duration.ofDays(demoPlan != null ? demoPlan.days() : 30);
            start = today.minus(back);
        }
        Duration settle =
                o.lag != null ? duration(o.lag, "--lag", true) : hourly && !demo ? Duration.ofHours(8) : Duration.ZERO;
        Destination destination = new PullDestinations(o, environment, usage).destination();
        SyncOptions.Builder settings = SyncOptions.builder()
                .appIds(o.appIds)
                .start(start)
                .hourly(hourly)
                .windowSize(o.window != null ? o.window : hourly ? 24 : 1)
                .lag(settle)
                .recentFirst(o.recentFirst)
                .includeAnonymous(o.includeAnonymous)
                .historyVisitors(o.historyVisitors)
                .metadataColumns(metadataColumns())
                .clock(clock);
        if (o.pageSize != null) {
            settings.pageSize(o.pageSize);
        }
        SyncState state;
        try {
            state = SyncState.load(destination.state());
        } catch (IOException e) {
            throw usage(PendoSyncCommand.oneLine(e.getMessage()));
        }
        return new Plan(
                names,
                settings,
                destination,
                state,
                demoPlan,
                demo ? null : subscription.opener(o.region, "pendo-sync"),
                o.summaryJson,
                o.metricsFile);
    }

    private MetadataColumns metadataColumns() {
        try {
            return MetadataColumns.parse(o.metadataColumns);
        } catch (IllegalArgumentException e) {
            throw usage("--metadata-columns is 'typed' (a column per metadata field) or 'json' (the metadata JSON"
                    + " column only), got '" + o.metadataColumns + "'");
        }
    }

    /** Without a key and without {@code --demo}, the demo writes into ./pendo-data and nowhere else. */
    private void refuseDemoElsewhere() {
        String elsewhere = null;
        if (o.duckdb != null) {
            elsewhere = "--duckdb " + o.duckdb;
        } else if (o.parquet != null) {
            elsewhere = "--parquet " + o.parquet;
        } else if (o.postgres != null) {
            elsewhere = "--postgres";
        } else if (o.out != null && !inDemoDirectory(o.out)) {
            elsewhere = "--out " + o.out;
        } else if (o.stateFile != null && !inDemoDirectory(o.stateFile)) {
            elsewhere = "--state " + o.stateFile;
        } else if (o.summaryJson != null && !inDemoDirectory(o.summaryJson)) {
            elsewhere = "--summary-json " + o.summaryJson;
        } else if (o.metricsFile != null && !inDemoDirectory(o.metricsFile)) {
            elsewhere = "--metrics-file " + o.metricsFile;
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
        Map<String, Object> demoOptions = new LinkedHashMap<>();
        demoOptions.put("--demo-visitors", o.demoVisitors);
        demoOptions.put("--demo-accounts", o.demoAccounts);
        demoOptions.put("--demo-days", o.demoDays);
        demoOptions.put("--demo-seed", o.demoSeed);
        demoOptions.put("--demo-end", o.demoEnd);
        demoOptions.forEach((name, value) -> {
            if (value != null) {
                throw usage(name + " is for the demo, but PENDO_INTEGRATION_KEY is set; drop " + name
                        + " or unset the key");
            }
        });
    }

    private Demo demoPlan() {
        int visitors = o.demoVisitors != null ? o.demoVisitors : 20_000;
        int accounts = o.demoAccounts != null
                ? o.demoAccounts
                : Math.max(1, Math.min(PendoSyncCommand.DEFAULT_DEMO_ACCOUNTS, visitors / 10));
        int days = o.demoDays != null ? o.demoDays : 60;
        if (visitors < 1 || visitors > PendoSyncCommand.MAX_DEMO_VISITORS) {
            throw usage("--demo-visitors is 1.." + PendoSyncCommand.MAX_DEMO_VISITORS + ", got " + visitors);
        }
        if (accounts < 1 || accounts > visitors) {
            throw usage("--demo-accounts is 1..--demo-visitors (" + visitors + "), got " + accounts);
        }
        if (days < 1 || days > 365) {
            throw usage("--demo-days is 1..365, got " + days);
        }
        Clock clock = o.demoEnd == null
                ? Clock.systemUTC()
                : Clock.fixed(
                        date(o.demoEnd, "--demo-end")
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .plus(Duration.ofHours(9)),
                        ZoneOffset.UTC);
        return new Demo(o.demoSeed != null ? o.demoSeed : 42, visitors, accounts, days, clock);
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
}
