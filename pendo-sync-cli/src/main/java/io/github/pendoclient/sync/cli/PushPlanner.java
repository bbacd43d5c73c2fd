package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.cli.PushPlan.Events;
import io.github.pendoclient.sync.cli.PushPlan.Metadata;
import io.github.pendoclient.sync.cli.PushPlan.TrackOpener;
import io.github.pendoclient.sync.push.PushEngine;
import io.github.pendoclient.track.TrackClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;

/**
 * Checks every option of a push and the environment, and turns them into a {@link PushPlan}; reads no row, opens
 * no connection and creates nothing. Each refusal is one line that names the option and says what to do.
 */
final class PushPlanner {

    /** The objects a push writes. */
    static final List<String> OBJECTS = List.of("visitor", "account", "parent-account", "track");

    /** The most rows a metadata write may carry; Pendo documents no maximum. */
    static final int MAX_BATCH = 10_000;

    private final PushOptions o;
    private final Map<String, String> environment;
    private final Function<String, ParameterException> usage;

    PushPlanner(PushOptions options, Map<String, String> environment, Function<String, ParameterException> usage) {
        this.o = options;
        this.environment = environment;
        this.usage = usage;
    }

    private ParameterException usage(String message) {
        return usage.apply(message);
    }

    PushPlan plan() {
        Subscription subscription = new Subscription(environment, usage);
        subscription.checkKeyEnvironment(o.demo, "push to");
        boolean demo = subscription.demo();
        if (demo && !o.demo) {
            throw usage(PendoClient.ENV_INTEGRATION_KEY + " is not set; set it to push to your subscription, or add"
                    + " --demo to push into an in-process fake Pendo");
        }
        if (demo && o.region != null) {
            throw usage("--region needs PENDO_INTEGRATION_KEY; set the key, or drop --region");
        }
        if (!demo) {
            subscription.checkRegionAndBaseUrl(o.region);
        }
        SourceSpec source = source();
        if (o.object == null) {
            throw usage("--object is required: " + String.join(", ", OBJECTS));
        }
        String object = o.object.trim().toLowerCase(Locale.ROOT);
        if (!OBJECTS.contains(object)) {
            throw usage("--object is one of " + String.join(", ", OBJECTS) + ", got '" + o.object + "'");
        }
        boolean track = object.equals("track");
        Optional<Metadata> metadata = track ? Optional.empty() : Optional.of(metadata());
        Optional<Events> events = track ? Optional.of(events()) : Optional.empty();
        if (track) {
            refuseFor("track events", "--id-column", o.idColumn != null, "--map", !o.maps.isEmpty());
            refuseFor("track events", "--mapping-file", o.mappingFile != null, "--group", o.group != null);
            refuseFor("track events", "--create-missing", o.createMissing, "--create-fields", o.createFields);
            refuseFor("track events", "--on-missing", o.onMissing != null, "--full", o.full);
            refuseFor("track events", "--batch-size", o.batchSize != null, "--batch-size", false);
        }
        TrackOpener trackOpener = track && !demo ? trackOpener() : null;
        Path state = o.stateFile != null ? o.stateFile : defaultState(source, object, demo);
        Writable.checkFile(state, "--state", usage);
        Path rejects = o.rejects != null ? o.rejects : state.resolveSibling(state.getFileName() + ".rejects.jsonl");
        Writable.checkFile(rejects, "--rejects", usage);
        if (o.summaryJson != null) {
            Writable.checkFile(o.summaryJson, "--summary-json", usage);
        }
        for (Path[] pair : new Path[][] {{state, rejects}, {state, o.summaryJson}, {rejects, o.summaryJson}}) {
            if (pair[1] != null && same(pair[0], pair[1])) {
                throw usage("--state, --rejects and --summary-json must be three different files; " + pair[0]
                        + " is named twice");
            }
        }
        for (Path file : new Path[] {state, rejects, o.summaryJson}) {
            if (file != null
                    && source.file().isPresent()
                    && same(file, source.file().get())) {
                throw usage(file + " is the source; give the state, rejects and summary files other paths");
            }
        }
        return new PushPlan(
                source,
                object,
                metadata,
                events,
                o.full,
                o.dryRun,
                state,
                rejects,
                Optional.ofNullable(o.summaryJson),
                demo,
                demo ? null : subscription.opener(o.region, "pendo-sync push"),
                trackOpener);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private SourceSpec source() {
        List<SourceSpec.Kind> given = new ArrayList<>();
        if (o.fromCsv != null) {
            given.add(SourceSpec.Kind.CSV);
        }
        if (o.fromJsonl != null) {
            given.add(SourceSpec.Kind.JSONL);
        }
        if (o.fromParquet != null) {
            given.add(SourceSpec.Kind.PARQUET);
        }
        if (o.fromDuckdbQuery != null) {
            given.add(SourceSpec.Kind.DUCKDB);
        }
        if (o.fromPostgresQuery != null) {
            given.add(SourceSpec.Kind.POSTGRES);
        }
        if (given.isEmpty()) {
            throw usage("a source is required: --from-csv FILE, --from-jsonl FILE, --from-parquet FILE,"
                    + " --from-duckdb-query SQL or --from-postgres-query SQL");
        }
        if (given.size() > 1) {
            throw usage(given.get(0).option() + " and " + given.get(1).option() + " both name a source; give one");
        }
        SourceSpec.Kind kind = given.get(0);
        if (o.duckdbFile != null && kind != SourceSpec.Kind.DUCKDB) {
            throw usage("--duckdb-file is the database of --from-duckdb-query; add the query or drop --duckdb-file");
        }
        if ((o.postgres != null || o.postgresUser != null) && kind != SourceSpec.Kind.POSTGRES) {
            throw usage((o.postgres != null ? "--postgres" : "--postgres-user") + " is for --from-postgres-query;"
                    + " add the query or drop it");
        }
        return switch (kind) {
            case CSV -> fileSource(kind, o.fromCsv);
            case JSONL -> fileSource(kind, o.fromJsonl);
            case PARQUET -> fileSource(kind, o.fromParquet);
            case DUCKDB -> {
                query(kind, o.fromDuckdbQuery);
                if (o.duckdbFile != null) {
                    readable("--duckdb-file", o.duckdbFile);
                }
                yield new SourceSpec(
                        kind,
                        Optional.ofNullable(o.duckdbFile),
                        Optional.of(o.fromDuckdbQuery),
                        Optional.empty(),
                        Optional.empty());
            }
            case POSTGRES -> {
                query(kind, o.fromPostgresQuery);
                if (o.postgres == null) {
                    throw usage("--from-postgres-query needs --postgres JDBC_URL, the database it runs on");
                }
                String user = PullDestinations.checkPostgres(
                        "--postgres", o.postgres, "--postgres-user", o.postgresUser, environment, usage);
                yield new SourceSpec(
                        kind,
                        Optional.empty(),
                        Optional.of(o.fromPostgresQuery),
                        Optional.of(o.postgres),
                        Optional.of(user));
            }
        };
    }

    private void query(SourceSpec.Kind kind, String sql) {
        if (sql.isBlank()) {
            throw usage(kind.option() + " is empty; give a SELECT query");
        }
    }

    private SourceSpec fileSource(SourceSpec.Kind kind, Path file) {
        readable(kind.option(), file);
        return new SourceSpec(kind, Optional.of(file), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private void readable(String option, Path file) {
        if (!Files.exists(file)) {
            throw usage(option + " " + file + " does not exist; give the path of an existing file");
        }
        if (!Files.isRegularFile(file)) {
            throw usage(option + " " + file + " is not a file; give a file");
        }
        if (!Files.isReadable(file)) {
            throw usage(option + " " + file + " cannot be read; fix its permissions");
        }
    }

    private Metadata metadata() {
        refuseFor(
                o.object + " metadata",
                "--event-name-column",
                o.eventNameColumn != null,
                "--event-name",
                o.eventName != null);
        refuseFor(
                o.object + " metadata",
                "--visitor-column",
                o.visitorColumn != null,
                "--account-column",
                o.accountColumn != null);
        refuseFor(
                o.object + " metadata",
                "--timestamp-column",
                o.timestampColumn != null,
                "--unique-key-column",
                o.uniqueKeyColumn != null);
        refuseFor(o.object + " metadata", "--property-columns", o.propertyColumns != null, "--property-columns", false);
        String group = o.group == null ? "custom" : o.group.trim().toLowerCase(Locale.ROOT);
        if (!group.equals("agent") && !group.equals("custom")) {
            throw usage("--group is agent or custom, got '" + o.group + "'");
        }
        if (o.idColumn == null || o.idColumn.isBlank()) {
            throw usage("--id-column is required for " + o.object + " metadata: the column of " + o.object + " ids");
        }
        if (!o.maps.isEmpty() && o.mappingFile != null) {
            throw usage("--map and --mapping-file both give the mapping; give one of them");
        }
        Map<String, String> mapping =
                o.mappingFile != null ? Mappings.read(o.mappingFile, usage) : Mappings.parse(o.maps, "--map", usage);
        if (mapping.isEmpty()) {
            throw usage("--map COLUMN=FIELD (repeatable) or --mapping-file FILE is required: which columns go to"
                    + " which fields");
        }
        if (mapping.containsKey(o.idColumn.trim())) {
            throw usage("--id-column " + o.idColumn + " is also mapped to a field; the id column names the " + o.object
                    + ", map other columns");
        }
        if (o.batchSize != null && (o.batchSize < 1 || o.batchSize > MAX_BATCH)) {
            throw usage("--batch-size is 1.." + MAX_BATCH + " rows, got " + o.batchSize);
        }
        boolean clear =
                switch (o.onMissing == null ? "keep" : o.onMissing.trim().toLowerCase(Locale.ROOT)) {
                    case "keep" -> false;
                    case "clear" -> true;
                    default -> throw usage("--on-missing is keep or clear, got '" + o.onMissing + "'");
                };
        return new Metadata(
                group,
                o.idColumn.trim(),
                mapping,
                o.createMissing,
                o.createFields,
                clear,
                o.batchSize != null ? o.batchSize : PushEngine.DEFAULT_BATCH_SIZE);
    }

    private Events events() {
        if (o.eventNameColumn != null && o.eventName != null) {
            throw usage("--event-name-column and --event-name both give the event name; give one of them");
        }
        if (o.eventNameColumn == null && o.eventName == null) {
            throw usage("track events need a name: --event-name-column COLUMN or --event-name NAME");
        }
        if (o.eventName != null && o.eventName.isBlank()) {
            throw usage("--event-name is empty; give the event's name");
        }
        if (o.visitorColumn == null) {
            throw usage("track events need --visitor-column COLUMN, the column of visitor ids");
        }
        if (o.uniqueKeyColumn == null) {
            throw usage("track events need --unique-key-column COLUMN, a column unique per event, so that no event"
                    + " is delivered twice");
        }
        Set<String> named = new LinkedHashSet<>();
        for (String[] column : new String[][] {
            {"--event-name-column", o.eventNameColumn},
            {"--visitor-column", o.visitorColumn},
            {"--account-column", o.accountColumn},
            {"--timestamp-column", o.timestampColumn},
            {"--unique-key-column", o.uniqueKeyColumn}
        }) {
            if (column[1] != null && column[1].isBlank()) {
                throw usage(column[0] + " is empty; give a column name");
            }
            if (column[1] != null && !named.add(column[1].trim())) {
                throw usage(column[0] + " " + column[1] + " is named by another column option too; each names"
                        + " its own column");
            }
        }
        List<String> properties = new ArrayList<>();
        for (String column : o.propertyColumns == null ? List.<String>of() : o.propertyColumns) {
            String name = column.trim();
            if (name.isEmpty()) {
                throw usage("--property-columns has an empty name; separate columns with single commas");
            }
            if (named.contains(name)) {
                throw usage("--property-columns names " + name + ", which is already the event's "
                        + "name, visitor, account, timestamp or key column; drop it");
            }
            properties.add(name);
        }
        return new Events(
                Optional.ofNullable(o.eventNameColumn).map(String::trim),
                Optional.ofNullable(o.eventName),
                o.visitorColumn.trim(),
                Optional.ofNullable(o.accountColumn).map(String::trim),
                Optional.ofNullable(o.timestampColumn).map(String::trim),
                o.uniqueKeyColumn.trim(),
                List.copyOf(properties));
    }

    /** Refuses options that do not apply to the kind of rows pushed. */
    private void refuseFor(String what, String first, boolean firstGiven, String second, boolean secondGiven) {
        if (firstGiven || secondGiven) {
            String option = firstGiven ? first : second;
            throw usage(option + " does not apply to " + what + "; drop it");
        }
    }

    /**
     * The shared secret of track events comes from the environment and is checked here, by building the client
     * the run will build (nothing is sent); a lambda over the environment, so that the secret is held by nothing a
     * {@code toString()} prints.
     */
    private TrackOpener trackOpener() {
        String secret = environment.get(TrackClient.ENV_SHARED_SECRET);
        if (secret == null || secret.isBlank()) {
            throw usage("track events need " + TrackClient.ENV_SHARED_SECRET + ", the app's Track Event shared"
                    + " secret (Settings > Subscription Settings > the app > App Details); set it, then run again");
        }
        Map<String, String> variables = new HashMap<>(environment);
        if (o.region != null) {
            variables.put(TrackClient.ENV_REGION, o.region);
        }
        try (TrackClient trial = TrackClient.fromEnv(variables)) {
            trial.toString();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw usage(TrackClient.ENV_BASE_URL + ": " + PendoSyncCommand.oneLine(e.getMessage()));
        }
        return () -> TrackClient.fromEnv(variables);
    }

    /**
     * The default state file: in {@code ~/.pendo-sync}, one per job (source, object, group, id column and mapping,
     * named by a hash of them), so that two jobs never share fingerprints and a run leaves no file in the working
     * directory.
     */
    private Path defaultState(SourceSpec source, String object, boolean demo) {
        String home = environment.get("HOME");
        Path directory = Path.of(
                home != null && !home.isBlank() ? home : System.getProperty("user.home"),
                PendoSyncCommand.STATE_DIRECTORY);
        String identity = source.identity() + "|" + object + "|" + o.group + "|" + o.idColumn + "|" + o.maps + "|"
                + o.mappingFile + "|" + (demo ? "demo" : o.region)
                + "|" + environment.getOrDefault(PendoClient.ENV_BASE_URL, "") + "|"
                + environment.getOrDefault(PendoClient.ENV_REGION, "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            StringBuilder hash = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hash.append(String.format(Locale.ROOT, "%02x", digest[i]));
            }
            return directory.resolve("push-" + (demo ? "demo-" : "") + object + "-" + hash + ".state.json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
