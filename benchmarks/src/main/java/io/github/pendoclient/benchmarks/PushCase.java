package io.github.pendoclient.benchmarks;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.cli.PendoSyncCommand;
import io.github.pendoclient.sync.sink.EmbeddedPostgres;
import io.github.pendoclient.testing.FakePendo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pendo-sync push}: 100,000 visitor rows with three mapped custom fields from each source (CSV, JSON Lines,
 * Parquet, a DuckDB query, a PostgreSQL query) into the standalone fake ({@code FakePendoServer}, its own JVM), each
 * push in a fresh JVM with the README's flags and a fresh state; then, from the CSV, a rerun with 1 % of the rows
 * changed against a full resend ({@code --full}).
 */
final class PushCase {

    static final int ROWS = 100_000;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private PushCase() {}

    private record Run(String label, long sent, long requests, double seconds, long peakRss, double cpuSeconds) {}

    static String run(Path work) throws Exception {
        Path dir = work.resolve("push");
        WorkDirs.deleteRecursively(dir);
        Files.createDirectories(dir);
        List<String> ids = ids(ROWS);
        Path csv = writeCsv(dir.resolve("visitors.csv"), ids, 0);
        Path jsonl = writeJsonl(dir.resolve("visitors.jsonl"), ids);
        Path parquet = dir.resolve("visitors.parquet");
        Path duckdb = dir.resolve("visitors.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdb.toAbsolutePath());
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE visitors AS SELECT * FROM read_csv('" + csv.toAbsolutePath()
                    + "', header = true, all_varchar = true)");
            sql.execute("COPY visitors TO '" + parquet.toAbsolutePath() + "' (FORMAT parquet)");
        }
        List<Run> runs = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = postgres.newDatabase();
            loadPostgres(url, ids);
            Process fake = startFake(ids.size());
            try {
                String baseUrl = baseUrl(fake);
                Map<String, String> environment = new HashMap<>();
                environment.put("PENDO_INTEGRATION_KEY", FakePendo.DEFAULT_INTEGRATION_KEY);
                environment.put("PENDO_BASE_URL", baseUrl);
                environment.put("HOME", dir.toString());
                environment.put(PendoSyncCommand.ENV_PG_PASSWORD, EmbeddedPostgres.PASSWORD);
                Map<String, List<String>> sources = new LinkedHashMap<>();
                sources.put("CSV", List.of("--from-csv", csv.toString()));
                sources.put("JSON Lines", List.of("--from-jsonl", jsonl.toString()));
                sources.put("Parquet", List.of("--from-parquet", parquet.toString()));
                sources.put(
                        "DuckDB query",
                        List.of("--from-duckdb-query", "SELECT * FROM visitors", "--duckdb-file", duckdb.toString()));
                sources.put(
                        "PostgreSQL query",
                        List.of(
                                "--from-postgres-query",
                                "SELECT * FROM visitors",
                                "--postgres",
                                url,
                                "--postgres-user",
                                EmbeddedPostgres.USER));
                for (Map.Entry<String, List<String>> source : sources.entrySet()) {
                    runs.add(push(source.getKey(), dir, source.getValue(), environment, List.of()));
                }
                writeCsv(csv, ids, 100);
                List<String> csvSource = sources.get("CSV");
                runs.add(push("CSV, 1 % changed", dir, csvSource, environment, List.of()));
                runs.add(push("CSV, 1 % changed, --full", dir, csvSource, environment, List.of("--full")));
            } finally {
                fake.destroy();
                if (!fake.waitFor(10, TimeUnit.SECONDS)) {
                    fake.destroyForcibly();
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "`pendo-sync push` of %,d visitor rows (three mapped custom fields: a string, an integer, a boolean)"
                        + " into the standalone fake (`FakePendoServer`, `-Xmx3g`, its own JVM), each push in a fresh"
                        + " JVM with `%s` (the README's flags) and, for the first five, a fresh state. The last two rows"
                        + " rerun the CSV's job after 1 %% of its rows changed: the incremental run, then a full resend"
                        + " (`--full`). Seconds are the push's own (its summary), JVM start-up not included.%n%n",
                ROWS,
                String.join(" ", SyncJobCase.README_FLAGS)));
        out.append("| source | rows sent | requests | seconds | rows read/s | peak RSS | CPU (s) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %.1f | %,.0f | %,d MB | %.1f |%n",
                    run.label(),
                    run.sent(),
                    run.requests(),
                    run.seconds(),
                    ROWS / run.seconds(),
                    run.peakRss() / 1_000_000,
                    run.cpuSeconds()));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nRun on %s, %s %s, %d cores.%n",
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    /** The fake's identified visitor ids in its order (every tenth visitor is anonymous), as it generates them. */
    static List<String> ids(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int index = 0; ids.size() < count; index++) {
            if (index % 10 == 9) {
                continue;
            }
            ids.add(String.format(Locale.ROOT, "v-%06d", index)
                    + (index % 997 == 5 ? "\"q" : index % 997 == 6 ? "\\b" : ""));
        }
        return ids;
    }

    private static String plan(int i) {
        return "tier-" + (i % 5);
    }

    /** Every {@code changeEvery}-th row (none when 0) gets 1,000 more seats. */
    private static Path writeCsv(Path file, List<String> ids, int changeEvery) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("visitor_id,plan,seats,beta\r\n");
            for (int i = 0; i < ids.size(); i++) {
                long seats = i % 700 + (changeEvery > 0 && i % changeEvery == 0 ? 1_000 : 0);
                out.write('"' + ids.get(i).replace("\"", "\"\"") + "\"," + plan(i) + "," + seats + "," + (i % 2 == 0)
                        + "\r\n");
            }
        }
        return file;
    }

    private static Path writeJsonl(Path file, List<String> ids) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ids.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("visitor_id", ids.get(i));
                row.put("plan", plan(i));
                row.put("seats", (long) (i % 700));
                row.put("beta", i % 2 == 0);
                out.write(JsonValues.toJson(row));
                out.write('\n');
            }
        }
        return file;
    }

    private static void loadPostgres(String url, List<String> ids) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(url, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE visitors (visitor_id text PRIMARY KEY, plan text, seats bigint, beta boolean)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO visitors VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    insert.setString(1, ids.get(i));
                    insert.setString(2, plan(i));
                    insert.setLong(3, i % 700);
                    insert.setBoolean(4, i % 2 == 0);
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static Process startFake(int identified) throws IOException {
        return new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx3g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.github.pendoclient.testing.FakePendoServer",
                        "--port",
                        "0",
                        "--visitors",
                        String.valueOf(identified + identified / 9 + 10),
                        "--days",
                        "1")
                .redirectErrorStream(true)
                .start();
    }

    private static String baseUrl(Process fake) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the fake's output pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the fake is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("the standalone fake did not start");
    }

    private static Run push(
            String label, Path dir, List<String> source, Map<String, String> environment, List<String> more)
            throws Exception {
        String name = label.replaceAll("\\W+", "-").toLowerCase(Locale.ROOT);
        String job = label.startsWith("CSV") ? "csv" : name;
        Path summary = dir.resolve(name + ".summary.json");
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(SyncJobCase.README_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PushJobMain.class.getName(), "push"));
        command.addAll(source);
        command.addAll(List.of(
                "--object", "visitor",
                "--id-column", "visitor_id",
                "--map", "plan=plan_tier",
                "--map", "seats=seats",
                "--map", "beta=beta_opt_in",
                "--state", dir.resolve(job + ".state.json").toString(),
                "--rejects", dir.resolve(name + ".rejects.jsonl").toString(),
                "--summary-json", summary.toString()));
        command.addAll(more);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        long rss = 0;
        long cpuNanos = 0;
        StringBuilder log = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (line.startsWith("PEAK_RSS=")) {
                    rss = Long.parseLong(line.substring(9));
                } else if (line.startsWith("CPU_NANOS=")) {
                    cpuNanos = Long.parseLong(line.substring(10));
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pendo-sync push " + label + " failed:\n" + log);
        }
        Map<?, ?> json = (Map<?, ?>) JsonValues.parse(Files.readString(summary));
        Run run = new Run(
                label,
                (Long) json.get("sent"),
                (Long) json.get("requests"),
                ((Number) json.get("seconds")).doubleValue(),
                rss,
                cpuNanos / 1e9);
        System.err.println("push " + label + ": " + run);
        return run;
    }
}
