package io.github.pendoclient.sync.cli;

import io.github.pendoclient.json.Binding;
import io.github.pendoclient.sync.TableResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end of a run: a table of rows, requests, retries and time per table, as text and as JSON. */
final class Summary {

    private final List<TableResult> results;
    private final String destination;
    private final long anonymousSkipped;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final String error;

    /**
     * @param anonymous anonymous visitors in the source, or -1 when unknown (a real subscription)
     */
    Summary(
            List<TableResult> results,
            String destination,
            long anonymous,
            boolean includeAnonymous,
            Instant startedAt,
            Instant finishedAt) {
        this(results, destination, includeAnonymous ? 0 : anonymous, startedAt, finishedAt, null);
    }

    private Summary(
            List<TableResult> results,
            String destination,
            long anonymousSkipped,
            Instant startedAt,
            Instant finishedAt,
            String error) {
        this.results = List.copyOf(results);
        this.destination = destination;
        this.anonymousSkipped = anonymousSkipped;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.error = error;
    }

    /**
     * The summary of a run that stopped before its tables: no table, and the error.
     *
     * @param error the one line the run printed on standard error, without its prefix
     */
    static Summary failure(String destination, String error, Instant startedAt, Instant finishedAt) {
        return new Summary(List.of(), destination, -1, startedAt, finishedAt, error);
    }

    /** The tables' results, in order; empty for a run that stopped before its tables. */
    List<TableResult> results() {
        return results;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    private long failed() {
        return results.stream().filter(result -> !result.ok()).count();
    }

    void print(PrintWriter out) {
        out.println();
        out.println(String.format(
                Locale.ROOT,
                "%-26s %12s %9s %9s %8s  %s",
                "table",
                "rows",
                "seconds",
                "requests",
                "retries",
                "status"));
        long rows = 0;
        boolean visitors = false;
        for (TableResult result : results) {
            rows += result.rows();
            visitors |= result.table().equals("visitors");
            out.println(String.format(
                    Locale.ROOT,
                    "%-26s %,12d %9.1f %9d %8d  %s",
                    result.table(),
                    result.rows(),
                    result.elapsed().toMillis() / 1000.0,
                    result.requests(),
                    result.retries(),
                    result.ok() ? "ok" : "FAILED"));
        }
        long failed = failed();
        out.println(String.format(
                Locale.ROOT,
                "%,d rows in %d %s in %.1f s; %s. Data: %s",
                rows,
                results.size(),
                results.size() == 1 ? "table" : "tables",
                Duration.between(startedAt, finishedAt).toMillis() / 1000.0,
                failed == 0 ? "every table synced" : failed + " failed (see the lines above)",
                destination));
        if (visitors && anonymousSkipped > 0) {
            out.println(String.format(
                    Locale.ROOT,
                    "visitors: %,d anonymous visitors skipped by design" + " (--include-anonymous keeps them).",
                    anonymousSkipped));
        } else if (visitors && anonymousSkipped < 0) {
            out.println("visitors: anonymous visitors are skipped by design (--include-anonymous keeps them).");
        }
        out.flush();
    }

    void writeJson(Path file, int exitCode) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exitCode", (long) exitCode);
        json.put("startedAt", startedAt.toString());
        json.put("finishedAt", finishedAt.toString());
        json.put("destination", destination);
        json.put("rows", results.stream().mapToLong(TableResult::rows).sum());
        json.put("failedTables", failed());
        if (anonymousSkipped >= 0) {
            json.put("anonymousVisitorsSkipped", anonymousSkipped);
        }
        if (error != null) {
            json.put("error", error);
        }
        List<Object> tables = new ArrayList<>();
        for (TableResult result : results) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", result.table());
            table.put("status", result.ok() ? "ok" : "failed");
            table.put("rows", result.rows());
            table.put("seconds", result.elapsed().toMillis() / 1000.0);
            table.put("requests", result.requests());
            table.put("retries", result.retries());
            result.error().ifPresent(error -> table.put("error", error));
            tables.add(table);
        }
        json.put("tables", tables);
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(
                partial, Binding.LENIENT.moshi().adapter(Object.class).toJson(json) + "\n", StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
