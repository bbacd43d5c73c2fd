package io.github.pendoclient.examples.sync;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A progress line per table (rows, rows per second, requests), redrawn in place on a terminal, and the summary
 * table at the end.
 */
final class Progress {

    private final PrintWriter out;
    private final boolean live;
    private String table;
    private long started;
    private long lastDraw;

    Progress(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    void start(String table) {
        this.table = table;
        this.started = System.nanoTime();
        this.lastDraw = 0;
        if (live) {
            draw(0, 0);
        }
    }

    void update(long rows, long requests) {
        long now = System.nanoTime();
        if (live && now - lastDraw > 200_000_000L) {
            lastDraw = now;
            draw(rows, requests);
        }
    }

    private void draw(long rows, long requests) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.print(String.format(Locale.ROOT, "\r  %-24s %12s rows %10s rows/s %6d requests", table,
                String.format(Locale.ROOT, "%,d", rows), String.format(Locale.ROOT, "%,.0f", rows / seconds),
                requests));
        out.flush();
    }

    void finish(TableResult result) {
        if (live) {
            out.print("\r" + " ".repeat(80) + "\r");
        }
        out.println(String.format(Locale.ROOT, "  %s %-24s %,d rows in %.1f s%s", result.ok() ? "ok  " : "FAIL",
                result.table(), result.rows(), result.elapsed().toMillis() / 1000.0,
                result.ok() ? "" : ": " + result.error()));
        out.flush();
    }

    void summary(List<TableResult> results, String destination) {
        out.println();
        out.println(String.format(Locale.ROOT, "%-26s %12s %9s %9s %8s  %s", "table", "rows", "seconds", "requests",
                "retries", "status"));
        long rows = 0;
        for (TableResult result : results) {
            rows += result.rows();
            out.println(String.format(Locale.ROOT, "%-26s %,12d %9.1f %9d %8d  %s", result.table(), result.rows(),
                    result.elapsed().toMillis() / 1000.0, result.requests(), result.retries(),
                    result.ok() ? "ok" : "FAILED"));
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(String.format(Locale.ROOT, "%,d rows in %d tables; %s. Data: %s", rows, results.size(),
                failed == 0 ? "every table synced" : failed + " failed", destination));
        out.flush();
    }
}
