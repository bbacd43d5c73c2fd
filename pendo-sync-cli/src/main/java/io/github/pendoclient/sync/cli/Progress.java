package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.CursorKind;
import io.github.pendoclient.sync.SyncListener;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableResult;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a person watching sees while tables sync. On a terminal, a progress bar per table: windows (or visitors)
 * done of the total, or rows so far with their rate when the total is unknown. Elsewhere (a log file, cron),
 * plain lines: one when a long table passes each interval, and one when each table ends.
 */
final class Progress implements SyncListener {

    /** Terminals at least this wide show each bar's elapsed and remaining time, and aligned table names. */
    static final int WIDE_TERMINAL = 120;

    /** A plain line at most this often per table, in nanoseconds. */
    static final long PLAIN_INTERVAL_NANOS = 15_000_000_000L;

    private final PrintWriter lines;
    private final Supplier<ProgressBarConsumer> terminal;
    private final LongSupplier nanoTime;
    private ProgressBar bar;
    private boolean countingRows;
    private long lastLine;

    private Progress(PrintWriter lines, Supplier<ProgressBarConsumer> terminal, LongSupplier nanoTime) {
        this.lines = lines;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /**
     * Progress bars on a terminal, with the end-of-table lines through the same stream.
     *
     * @param terminal the terminal's stream (standard error)
     */
    static Progress bars(PrintStream terminal) {
        return new Progress(
                new PrintWriter(terminal, true), () -> new ConsoleProgressBarConsumer(terminal), System::nanoTime);
    }

    /**
     * Progress bars drawn by the given consumers (one per table), for a test that fixes the width.
     *
     * @param lines where the end-of-table lines go
     * @param consumers makes the consumer of each table's bar
     */
    static Progress bars(PrintWriter lines, Supplier<ProgressBarConsumer> consumers) {
        return new Progress(lines, consumers, System::nanoTime);
    }

    /** Draws the current bar now rather than at its next interval. */
    void refresh() {
        if (bar != null) {
            bar.refresh();
        }
    }

    /**
     * Plain lines, for logs.
     *
     * @param lines where to write
     * @param nanoTime the clock that spaces the lines
     */
    static Progress lines(PrintWriter lines, LongSupplier nanoTime) {
        return new Progress(lines, null, nanoTime);
    }

    @Override
    public void tableStarted(Table table) {
        lastLine = nanoTime.getAsLong();
    }

    /** The table's bar, made at its first report: counting rows, or units of known work. */
    private ProgressBar bar(Table table, String unit, long max) {
        if (bar == null && terminal != null) {
            countingRows = max < 0;
            ProgressBarConsumer consumer = terminal.get();
            boolean wide = consumer.getMaxRenderedLength() >= WIDE_TERMINAL;
            ProgressBarBuilder builder = new ProgressBarBuilder();
            if (max < 0 || !wide) {
                // On a narrow terminal the elapsed and remaining times would leave the bar one character wide.
                builder.hideEta();
            }
            // Names padded to the longest table's only where the room is there; each bar is cleared when its table
            // ends, so bars need not line up.
            bar = builder.setTaskName(wide ? String.format(Locale.ROOT, "%-24s", table.name()) : table.name())
                    .setInitialMax(max)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(unit, 1)
                    .showSpeed(new DecimalFormat("#,##0"))
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis(250)
                    .clearDisplayOnFinish()
                    .setConsumer(consumer)
                    .build();
        }
        return bar;
    }

    @Override
    public void progress(Table table, long rows, long requests) {
        if (terminal != null) {
            if (table.cursorKind() != CursorKind.FULL_REFRESH) {
                ProgressBar current = bar(table, " rows", -1);
                if (countingRows) {
                    current.stepTo(rows);
                    current.setExtraMessage(String.format(Locale.ROOT, " %,d requests", requests));
                } else {
                    current.setExtraMessage(String.format(Locale.ROOT, " %,d rows", rows));
                }
            }
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastLine >= PLAIN_INTERVAL_NANOS) {
            lastLine = now;
            lines.println(String.format(
                    Locale.ROOT, "  ...  %-24s %,d rows so far, %,d requests", table.name(), rows, requests));
            lines.flush();
        }
    }

    @Override
    public void workDone(Table table, long done, long total) {
        if (terminal != null) {
            bar(table, table.name().equals("visitor_history") ? " visitors" : " windows", total)
                    .stepTo(done);
        }
    }

    @Override
    public void tableFinished(TableResult result) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        lines.println(String.format(
                Locale.ROOT,
                "  %s %-24s %,d rows in %.1f s%s",
                result.ok() ? "ok  " : "FAIL",
                result.table(),
                result.rows(),
                result.elapsed().toMillis() / 1000.0,
                result.error().map(error -> ": " + error).orElse("")));
        lines.flush();
    }
}
