package io.github.pendoclient.sync.cli;

import io.github.pendoclient.json.Binding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a push: what was read, sent, left alone, skipped and rejected, as text and as JSON.
 *
 * @param what what was pushed, for people ("visitor metadata (custom) from csv visitors.csv")
 * @param counts the counts
 * @param dryRun whether nothing was sent
 * @param rejects the rejects file
 * @param state the state file
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param error the one line printed on standard error, if the run failed
 */
record PushSummary(
        String what,
        PushCounts counts,
        boolean dryRun,
        Path rejects,
        Path state,
        Instant startedAt,
        Instant finishedAt,
        Optional<String> error) {

    /**
     * The counts of a push.
     *
     * @param read rows read from the source
     * @param sent rows (or events) Pendo accepted, or that a dry run would send
     * @param unchanged rows whose values Pendo already has (or events already delivered): not sent
     * @param skipped rows skipped because Pendo does not know their id (written to the rejects file)
     * @param rejected rows Pendo or the conversion refused (written to the rejects file)
     * @param cleared objects gone from the source whose fields were cleared (--on-missing clear)
     * @param unknown events whose outcome is unknown: resent after an interrupted run, or whose answer was lost
     * @param requests requests sent
     */
    record PushCounts(
            long read,
            long sent,
            long unchanged,
            long skipped,
            long rejected,
            long cleared,
            long unknown,
            long requests) {

        /** No rows, no requests: for a run that stopped before reading. */
        static PushCounts none() {
            return new PushCounts(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    void print(PrintWriter out) {
        PushCounts c = counts;
        out.println();
        out.println(String.format(Locale.ROOT, "%-22s %,12d", "rows read", c.read()));
        out.println(String.format(Locale.ROOT, "%-22s %,12d", dryRun ? "would be sent" : "sent", c.sent()));
        out.println(String.format(Locale.ROOT, "%-22s %,12d", "unchanged, not sent", c.unchanged()));
        out.println(String.format(Locale.ROOT, "%-22s %,12d", "skipped (missing)", c.skipped()));
        out.println(String.format(Locale.ROOT, "%-22s %,12d", "rejected", c.rejected()));
        if (c.cleared() > 0) {
            out.println(String.format(Locale.ROOT, "%-22s %,12d", "cleared (gone)", c.cleared()));
        }
        if (c.unknown() > 0) {
            out.println(String.format(Locale.ROOT, "%-22s %,12d", "outcome unknown", c.unknown()));
        }
        out.println(String.format(
                Locale.ROOT,
                "%s%,d %s in %.1f s with %,d %s: %s.",
                dryRun ? "dry run, nothing sent: " : "",
                c.read(),
                c.read() == 1 ? "row" : "rows",
                Duration.between(startedAt, finishedAt).toMillis() / 1000.0,
                c.requests(),
                c.requests() == 1 ? "request" : "requests",
                what));
        if (c.skipped() + c.rejected() > 0) {
            out.println("Skipped and rejected rows, with the reason and Pendo's message: " + rejects);
        }
        if (c.unknown() > 0) {
            out.println("Events of unknown outcome may have reached Pendo twice: resent after an interrupted run, or"
                    + " their answer was lost (those are in " + rejects + " and are sent again by the next run).");
        }
        out.flush();
    }

    void writeJson(Path file, int exitCode) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exitCode", (long) exitCode);
        json.put("startedAt", startedAt.toString());
        json.put("finishedAt", finishedAt.toString());
        json.put("what", what);
        json.put("dryRun", dryRun);
        json.put("read", counts.read());
        json.put("sent", counts.sent());
        json.put("unchanged", counts.unchanged());
        json.put("skipped", counts.skipped());
        json.put("rejected", counts.rejected());
        json.put("cleared", counts.cleared());
        json.put("outcomeUnknown", counts.unknown());
        json.put("requests", counts.requests());
        json.put("seconds", Duration.between(startedAt, finishedAt).toMillis() / 1000.0);
        json.put("rejects", rejects.toString());
        json.put("state", state.toString());
        error.ifPresent(message -> json.put("error", message));
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(
                partial, Binding.LENIENT.moshi().adapter(Object.class).toJson(json) + "\n", StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
