package io.github.pendoclient.sync.cli;

import io.github.pendoclient.KeyVerification;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.TableResult;
import io.github.pendoclient.sync.cli.PendoSyncCommand.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * One checked run: starts the demo or the client, checks the key, opens the sink, syncs, and reports. A run that
 * cannot start its work fails once, with one line on standard error; {@code --summary-json} is written on every
 * exit, with the error when there is one.
 */
final class SyncRun implements Callable<Integer> {

    private final Plan plan;
    private final PrintWriter out;
    private final PrintWriter err;
    private Summary summary;

    SyncRun(Plan plan, PrintWriter out, PrintWriter err) {
        this.plan = plan;
        this.out = out;
        this.err = err;
    }

    /** A run that stops before its tables, with a message for people that says what to do. */
    private static final class Stop extends Exception {

        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        Instant startedAt = Instant.now();
        try {
            return sync(startedAt);
        } catch (Stop stop) {
            return fail(stop.getMessage(), startedAt);
        } catch (IOException | RuntimeException e) {
            return fail(
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getMessage().replaceAll("\\s*\\R\\s*", " ").trim(),
                    startedAt);
        }
    }

    private int sync(Instant startedAt) throws IOException, Stop {
        DemoPendo demo = null;
        PendoClient client;
        SyncOptions.Builder settings = plan.settings();
        long anonymous = -1;
        if (plan.demo() != null) {
            PendoSyncCommand.Demo d = plan.demo();
            demo = DemoPendo.start(d.seed(), d.visitors(), d.accounts(), d.days(), d.clock());
            anonymous = demo.anonymousVisitors();
            out.println(String.format(
                    Locale.ROOT,
                    "No PENDO_INTEGRATION_KEY set: syncing from an in-process fake"
                            + " Pendo with generated demo data (%,d visitors, %,d of them anonymous, %,d accounts, %d days"
                            + " of events). Set PENDO_INTEGRATION_KEY (and PENDO_REGION) to sync your subscription.",
                    d.visitors(),
                    anonymous,
                    d.accounts(),
                    d.days()));
            client = demo.client();
            if (plan.settings().build().historyVisitors().isEmpty()) {
                settings.historyVisitors(demo.sampleVisitors(3));
            }
        } else {
            client = plan.client().open();
        }
        try {
            if (demo == null) {
                checkKey(client);
            }
            SyncOptions resolved = settings.build();
            List<String> tables = plan.tables().stream()
                    .filter(table -> !table.equals("visitor_history")
                            || !resolved.historyVisitors().isEmpty())
                    .toList();
            Sink sink = open();
            List<TableResult> results;
            Summary summary;
            try (sink) {
                if (demo == null) {
                    out.println("Syncing " + client.baseUrl() + " into " + sink.describe());
                }
                out.flush();
                SyncEngine engine = SyncEngine.builder()
                        .client(client)
                        .sink(sink)
                        .state(plan.state())
                        .settings(resolved)
                        .listener(
                                System.console() != null && err == PendoSyncCommand.STANDARD_ERROR
                                        ? Progress.bars(System.err)
                                        : Progress.lines(err, System::nanoTime))
                        .build();
                results = engine.syncAll(tables);
                summary = new Summary(
                        results, sink.describe(), anonymous, resolved.includeAnonymous(), startedAt, Instant.now());
            }
            this.summary = summary;
            summary.print(out);
            int code = results.stream().allMatch(TableResult::ok)
                    ? PendoSyncCommand.EXIT_OK
                    : PendoSyncCommand.EXIT_FAILED;
            if (plan.summaryJson() != null) {
                summary.writeJson(plan.summaryJson(), code);
            }
            return code;
        } finally {
            if (demo != null) {
                demo.close();
            } else {
                client.close();
            }
        }
    }

    /**
     * The summary of the run once {@link #call()} returned: its tables, or none and the error.
     *
     * @return the summary, or null before the run
     */
    Summary summary() {
        return summary;
    }

    /**
     * One cheap call before anything is created: a key Pendo rejects fails the run here, once, rather than every
     * table one by one after their files exist.
     */
    private void checkKey(PendoClient client) throws Stop {
        KeyVerification verification;
        try {
            verification = client.verifyKey();
        } catch (PendoException e) {
            throw new Stop("cannot check PENDO_INTEGRATION_KEY against " + client.baseUrl() + ": " + e.getMessage()
                    + " Nothing was synced; run again once Pendo answers.");
        }
        if (!verification.valid() && verification.statusCode() == 401) {
            throw new Stop("Pendo rejected PENDO_INTEGRATION_KEY (HTTP 401): " + verification.message()
                    + " Nothing was synced; set the right key, then run again.");
        }
    }

    private Sink open() throws Stop {
        String target = plan.destination().target();
        try {
            return plan.destination().open();
        } catch (CompleteOpenFailure e) {
            throw new Stop("cannot open " + target + ": " + e.getMessage());
        } catch (IOException e) {
            throw new Stop("cannot open " + target + ": " + e.getMessage() + ". "
                    + plan.destination().advice());
        }
    }

    /** One line on standard error, the summary file with the error, and exit status 1. */
    private int fail(String message, Instant startedAt) {
        String line = message.replaceAll("\\s*\\R\\s*", " ").trim();
        err.println("pendo-sync: " + line);
        summary = Summary.failure(plan.destination().target(), line, startedAt, Instant.now());
        if (plan.summaryJson() != null) {
            try {
                summary.writeJson(plan.summaryJson(), PendoSyncCommand.EXIT_FAILED);
            } catch (IOException | RuntimeException e) {
                err.println("pendo-sync: cannot write --summary-json " + plan.summaryJson() + ": " + e.getMessage());
            }
        }
        err.flush();
        return PendoSyncCommand.EXIT_FAILED;
    }
}
