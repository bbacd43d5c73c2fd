package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.SyncListener;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line per table (rows, rows per second, requests), redrawn in place on a terminal, and a line when
 * each table ends.
 */
final class Progress implements SyncListener {

    private final PrintWriter out;
    private final boolean live;
    private String table;
    private long started;
    private long lastDraw;

    Progress(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public void tableStarted(Table table) {
        this.table = table.name();
        this.started = System.nanoTime();
        this.lastDraw = 0;
        if (live) {
            draw(0, 0);
        }
    }

    @Override
    public void progress(Table table, long rows, long requests) {
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

    @Override
    public void tableFinished(TableResult result) {
        if (live) {
            out.print("\r" + " ".repeat(80) + "\r");
        }
        out.println(String.format(Locale.ROOT, "  %s %-24s %,d rows in %.1f s%s", result.ok() ? "ok  " : "FAIL",
                result.table(), result.rows(), result.elapsed().toMillis() / 1000.0,
                result.error().map(error -> ": " + error).orElse("")));
        out.flush();
    }
}
