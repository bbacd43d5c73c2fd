package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.cli.PendoSyncCommand.Destination;
import io.github.pendoclient.sync.sink.DuckDbLimits;
import io.github.pendoclient.sync.sink.DuckDbSink;
import io.github.pendoclient.sync.sink.JsonLinesSink;
import io.github.pendoclient.sync.sink.ParquetSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;

/** Where a pull writes: the destination options, their state file and {@code --summary-json}, checked up front. */
final class PullDestinations {

    /** The demo's directory, and the default of {@code --out}. */
    static final Path DEFAULT_OUT = Path.of("pendo-data");

    private static final String FILE_ADVICE =
            "Check that no other pendo-sync uses it and that the disk has space," + " then run again.";

    private final PullOptions o;
    private final Map<String, String> environment;
    private final Function<String, ParameterException> usage;

    PullDestinations(PullOptions options, Map<String, String> environment, Function<String, ParameterException> usage) {
        this.o = options;
        this.environment = environment;
        this.usage = usage;
    }

    private ParameterException usage(String message) {
        return usage.apply(message);
    }

    Destination destination() {
        Path state;
        Path target;
        if (o.postgresUser != null && o.postgres == null) {
            throw usage("--postgres-user is for --postgres; add --postgres JDBC_URL or drop --postgres-user");
        }
        if (o.postgres != null) {
            return postgresDestination();
        }
        if (o.parquet != null) {
            if (Files.exists(o.parquet) && !Files.isDirectory(o.parquet)) {
                throw usage("--parquet " + o.parquet + " is a file, not a directory; give a directory");
            }
            Writable.check(o.parquet, true, "--parquet", usage);
            state = checkState(o.stateFile != null ? o.stateFile : o.parquet.resolve(".pendo-sync-state.json"));
            Path directory = o.parquet;
            DuckDbLimits limits = duckDbLimits();
            return new Destination(directory.toString(), state, () -> new ParquetSink(directory, limits), FILE_ADVICE);
        }
        if (o.duckdb != null) {
            target = o.duckdb;
            if (Files.isDirectory(o.duckdb)) {
                throw usage("--duckdb " + o.duckdb + " is a directory; give a file such as "
                        + o.duckdb.resolve("pendo.duckdb"));
            }
            Writable.check(o.duckdb, false, "--duckdb", usage);
            state = o.stateFile != null ? o.stateFile : o.duckdb.resolveSibling(o.duckdb.getFileName() + ".state.json");
        } else {
            target = o.out != null ? o.out : DEFAULT_OUT;
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw usage((o.out != null ? "--out " : "the default output ") + target + " is a file, not a"
                        + " directory; give a directory with --out");
            }
            Writable.check(target, true, o.out != null ? "--out" : "the output directory", usage);
            state = o.stateFile != null ? o.stateFile : target.resolve(".pendo-sync-state.json");
        }
        checkState(state);
        Path directory = target;
        DuckDbLimits limits = duckDbLimits();
        boolean duck = o.duckdb != null;
        return new Destination(
                target.toString(),
                state,
                duck ? () -> new DuckDbSink(directory, limits) : () -> new JsonLinesSink(directory),
                FILE_ADVICE);
    }

    private DuckDbLimits duckDbLimits() {
        try {
            return new DuckDbLimits(o.duckdbMemory, o.duckdbThreads);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage() + " (--duckdb-memory, --duckdb-threads)");
        }
    }

    /** A PostgreSQL destination: the URL's form, the user and where the password comes from, checked up front. */
    private Destination postgresDestination() {
        String user = checkPostgres("--postgres", o.postgres, "--postgres-user", o.postgresUser, environment, usage);
        String password = environment.get(PendoSyncCommand.ENV_PG_PASSWORD);
        Path state = checkState(o.stateFile != null ? o.stateFile : postgresStateFile(o.postgres));
        String url = o.postgres;
        String target = withoutParameters(o.postgres);
        return new Destination(
                target,
                state,
                () -> PostgresLogin.connect(url, user, password),
                "Check that the server runs and accepts connections from this host, and the URL and user, then run"
                        + " again.");
    }

    /**
     * Checks a PostgreSQL JDBC URL option and its user option: no user or password in the URL (command lines are
     * visible to other users), the URL's form, and a user that is not empty.
     *
     * @return the user: the user option, else {@code PGUSER}, else {@code postgres}
     */
    static String checkPostgres(
            String urlOption,
            String url,
            String userOption,
            String userValue,
            Map<String, String> environment,
            Function<String, ParameterException> usage) {
        String password = PendoSyncCommand.ENV_PG_PASSWORD;
        if (hasUserInfo(url)) {
            throw usage.apply(urlOption + " must not carry a user or password before '@' (command lines are visible"
                    + " to other users); give the user with " + userOption + " and set " + password);
        }
        if (!url.startsWith("jdbc:postgresql://") || url.length() == "jdbc:postgresql://".length()) {
            throw usage.apply(urlOption + " takes a JDBC URL such as jdbc:postgresql://localhost:5432/analytics, got '"
                    + withoutParameters(url) + "'");
        }
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            throw usage.apply(urlOption + " must not carry the password (command lines are visible to other users);"
                    + " remove password= from the URL and set " + password);
        }
        String user = userValue != null ? userValue : environment.getOrDefault("PGUSER", "postgres");
        if (user.isBlank()) {
            throw usage.apply(userOption + " is empty; give the database user");
        }
        return user;
    }

    /**
     * The default state file of a PostgreSQL destination: in {@code ~/.pendo-sync}, one per database URL (named by
     * a hash of it, as the URL has no file of its own to sit beside), so that a run never leaves a file in the
     * working directory and two databases never share checkpoints.
     */
    private Path postgresStateFile(String url) {
        String home = environment.get("HOME");
        Path directory = Path.of(
                home != null && !home.isBlank() ? home : System.getProperty("user.home"),
                PendoSyncCommand.STATE_DIRECTORY);
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
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String head = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return head.replaceAll("^(.*//)?[^/]*@", "$1***@");
    }

    private Path checkState(Path state) {
        Writable.checkFile(state, "--state", usage);
        if (o.summaryJson != null) {
            Writable.checkFile(o.summaryJson, "--summary-json", usage);
        }
        if (o.metricsFile != null) {
            Writable.checkFile(o.metricsFile, "--metrics-file", usage);
        }
        return state;
    }
}
