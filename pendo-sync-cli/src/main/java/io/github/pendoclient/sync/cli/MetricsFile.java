package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.TableResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --metrics-file}: the run's figures in the Prometheus text format, for the node exporter's textfile
 * collector. Written on every exit once the options are valid, to a temporary file renamed over the old one, so the
 * collector never reads half a file. A table's last success time is carried over from the previous file when this
 * run did not sync it, so that an alert on its age keeps firing while the table keeps failing.
 */
final class MetricsFile {

    static final String PREFIX = "pendo_sync_";
    private static final Pattern LAST_SUCCESS = Pattern.compile(
            "^" + PREFIX + "table_last_success_timestamp_seconds\\{table=\"((?:[^\"\\\\]|\\\\.)*)\"} (\\S+)$");

    private MetricsFile() {}

    /**
     * Writes the file; a failure is reported on standard error and does not change the exit status.
     *
     * @param file the file, or null when the option was not given
     */
    static void write(Path file, Summary summary, int exitCode, PrintWriter err) {
        if (file == null || summary == null) {
            return;
        }
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            String text = render(summary, exitCode, previousSuccesses(absolute));
            Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            err.println("pendo-sync: cannot write --metrics-file " + file + ": " + e.getMessage());
            err.flush();
        }
    }

    /** The last success times the previous file recorded, by table. */
    static Map<String, Double> previousSuccesses(Path file) throws IOException {
        Map<String, Double> previous = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return previous;
        }
        for (String line : lines) {
            Matcher matcher = LAST_SUCCESS.matcher(line);
            if (matcher.matches()) {
                try {
                    previous.put(unescape(matcher.group(1)), Double.parseDouble(matcher.group(2)));
                } catch (NumberFormatException ignored) {
                    // a line this class did not write: leave it out
                }
            }
        }
        return previous;
    }

    static String render(Summary summary, int exitCode, Map<String, Double> previousSuccesses) {
        StringBuilder out = new StringBuilder();
        List<TableResult> results = summary.results();
        double finished = seconds(summary.finishedAt());
        gauge(out, "run_exit_status", "Exit status of the last run (0 every table synced).", exitCode);
        gauge(out, "run_start_timestamp_seconds", "When the last run started.", seconds(summary.startedAt()));
        gauge(out, "run_end_timestamp_seconds", "When the last run ended.", finished);
        gauge(
                out,
                "run_duration_seconds",
                "How long the last run took.",
                Duration.between(summary.startedAt(), summary.finishedAt()).toMillis() / 1000.0);
        gauge(
                out,
                "run_rows",
                "Rows the last run wrote.",
                results.stream().mapToLong(TableResult::rows).sum());
        perTable(out, results, "table_run_rows", "Rows the last run wrote to the table.", TableResult::rows);
        perTable(
                out,
                results,
                "table_run_seconds",
                "Time the last run spent on the table.",
                r -> r.elapsed().toMillis() / 1000.0);
        perTable(
                out,
                results,
                "table_run_requests",
                "HTTP attempts of the table in the last run.",
                TableResult::requests);
        perTable(out, results, "table_run_retries", "Retries of the table in the last run.", TableResult::retries);
        perTable(
                out,
                results,
                "table_run_success",
                "1 when the last run synced the table, else 0.",
                r -> r.ok() ? 1 : 0);
        Map<String, Double> successes = new LinkedHashMap<>(previousSuccesses);
        results.stream().filter(TableResult::ok).forEach(result -> successes.put(result.table(), finished));
        if (!successes.isEmpty()) {
            header(
                    out,
                    "table_last_success_timestamp_seconds",
                    "When a run last synced the table, in seconds since the epoch.");
            successes.forEach((table, time) -> sample(out, "table_last_success_timestamp_seconds", table, time));
        }
        return out.toString();
    }

    private static void perTable(
            StringBuilder out, List<TableResult> results, String name, String help, ToDoubleFunction<TableResult> f) {
        if (results.isEmpty()) {
            return;
        }
        header(out, name, help);
        for (TableResult result : results) {
            sample(out, name, result.table(), f.applyAsDouble(result));
        }
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        header(out, name, help);
        out.append(PREFIX).append(name).append(' ').append(number(value)).append('\n');
    }

    private static void header(StringBuilder out, String name, String help) {
        out.append("# HELP ")
                .append(PREFIX)
                .append(name)
                .append(' ')
                .append(help)
                .append('\n');
        out.append("# TYPE ").append(PREFIX).append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder out, String name, String table, double value) {
        out.append(PREFIX)
                .append(name)
                .append("{table=\"")
                .append(escape(table))
                .append("\"} ")
                .append(number(value))
                .append('\n');
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String unescape(String label) {
        return label.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
