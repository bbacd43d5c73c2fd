package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.push.PushKind;
import io.github.pendoclient.sync.push.PushListener;
import io.github.pendoclient.sync.push.PushResult;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a person watching a push sees. On a terminal, a bar of rows read with their rate; elsewhere (a log, cron),
 * a plain line at most every {@link Progress#PLAIN_INTERVAL_NANOS} and one at the end. A dry run also lists the
 * requests it would send, redacted.
 */
final class PushProgress implements PushListener {

    private final PrintWriter lines;
    private final PrintWriter listing;
    private final PrintStream terminal;
    private final LongSupplier nanoTime;
    private final boolean dryRun;
    private ProgressBar bar;
    private long lastLine;
    private long requestsListed;

    private PushProgress(
            PrintWriter lines, PrintWriter listing, PrintStream terminal, LongSupplier nanoTime, boolean dryRun) {
        this.lines = lines;
        this.listing = listing;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.dryRun = dryRun;
    }

    /** A bar on a terminal (standard error); a dry run lists its requests on {@code out}. */
    static PushProgress bar(PrintStream terminal, PrintWriter out, boolean dryRun) {
        return new PushProgress(new PrintWriter(terminal, true), out, terminal, System::nanoTime, dryRun);
    }

    /** Plain lines, for logs; a dry run lists its requests on {@code out}. */
    static PushProgress lines(PrintWriter lines, PrintWriter out, LongSupplier nanoTime, boolean dryRun) {
        return new PushProgress(lines, out, null, nanoTime, dryRun);
    }

    @Override
    public void started(String source, PushKind kind) {
        lastLine = nanoTime.getAsLong();
        if (terminal != null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("push")
                    .setInitialMax(-1)
                    .setUnit(" rows", 1)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
        }
    }

    @Override
    public void progress(PushResult soFar) {
        if (bar != null) {
            bar.stepTo(soFar.rowsRead());
            bar.setExtraMessage(String.format(Locale.ROOT, "%,d sent", soFar.sent()));
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastLine >= Progress.PLAIN_INTERVAL_NANOS) {
            lastLine = now;
            lines.println(line("  ... ", soFar, dryRun));
        }
    }

    @Override
    public void request(String description) {
        if (dryRun && requestsListed++ < 20) {
            listing.println("  would send " + description);
        } else if (dryRun && requestsListed == 21) {
            listing.println("  ... (the summary counts the rows of every request)");
        }
    }

    @Override
    public void finished(PushResult result) {
        if (bar != null) {
            bar.stepTo(result.rowsRead());
            bar.close();
            bar = null;
        } else {
            lines.println(line("  done ", result, dryRun));
        }
        lines.flush();
    }

    private static String line(String prefix, PushResult counts, boolean dryRun) {
        return String.format(
                Locale.ROOT,
                "%s%,d rows read, %,d %s, %,d unchanged, %,d skipped or rejected, %,d requests",
                prefix,
                counts.rowsRead(),
                counts.sent(),
                dryRun ? "would be sent" : "sent",
                counts.unchanged(),
                counts.skippedMissing() + counts.rejected(),
                counts.requests());
    }
}
