package io.github.pendoclient.sync.cli;

import io.github.pendoclient.KeyVerification;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.sync.cli.PushSummary.PushCounts;
import io.github.pendoclient.sync.push.PushConfigurationException;
import io.github.pendoclient.sync.push.PushCredentialsRefusedException;
import io.github.pendoclient.sync.push.PushListener;
import io.github.pendoclient.sync.push.PushResult;
import io.github.pendoclient.track.TrackClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One checked push: starts the demo or the clients, checks the key, runs the job, and reports. A run that cannot
 * do its work fails once, with one line on standard error; {@code --summary-json} is written on every exit, with
 * the error when there is one.
 */
final class PushRun implements Callable<Integer> {

    /** The demo's fake: this many generated visitors (one in ten anonymous) and accounts. */
    static final int DEMO_VISITORS = 2_000;

    static final int DEMO_ACCOUNTS = 200;

    private final PushPlan plan;
    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param environment read only for the PostgreSQL password, when the source is opened
     */
    PushRun(PushPlan plan, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.plan = plan;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** A run that stops, with a message for people that says what to do, and its exit status. */
    static final class Stop extends Exception {

        private static final long serialVersionUID = 1L;

        private final int exitCode;

        Stop(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    @Override
    public Integer call() {
        Instant startedAt = Instant.now();
        try {
            return push(startedAt);
        } catch (Stop stop) {
            return fail(stop.getMessage(), stop.exitCode(), startedAt);
        } catch (PushCredentialsRefusedException refused) {
            // The counts up to the refusal go to the summary: what was delivered before it stays delivered.
            return fail(refused.getMessage(), PendoSyncCommand.EXIT_FAILED, startedAt, counts(refused.result()));
        } catch (IOException | RuntimeException e) {
            return fail(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    PendoSyncCommand.EXIT_FAILED,
                    startedAt);
        }
    }

    private int push(Instant startedAt) throws IOException, Stop {
        DemoPendo demo = null;
        PendoClient client;
        TrackClient track = null;
        if (plan.demo()) {
            demo = DemoPendo.start(42, DEMO_VISITORS, DEMO_ACCOUNTS, 1, Clock.systemUTC());
            out.println(String.format(
                    Locale.ROOT,
                    "No PENDO_INTEGRATION_KEY set: pushing into an in-process fake Pendo with %,d generated visitors"
                            + " (v-000000, v-000001, ...; one in ten anonymous) and %,d accounts, which starts afresh"
                            + " each run. The state file still says what earlier runs sent.",
                    DEMO_VISITORS,
                    DEMO_ACCOUNTS));
            client = demo.client();
            track = plan.isTrack() ? demo.trackClient() : null;
        } else {
            client = plan.client().open();
        }
        try {
            if (demo == null) {
                checkKey(client);
                track = plan.isTrack() ? plan.track().open() : null;
            }
            out.println((plan.dryRun() ? "Dry run: reading " : "Pushing ") + what() + " into " + client.baseUrl());
            out.flush();
            PushJob.Outcome outcome;
            try {
                outcome = new PushJob(plan, client, track, listener(), environment).run();
            } catch (PushConfigurationException refused) {
                throw new Stop(inOptionTerms(refused.getMessage()), PendoSyncCommand.EXIT_USAGE);
            }
            PushCounts counts = counts(outcome.result());
            // Events resent after an interrupted run are counted as of unknown outcome but are settled now; only
            // events whose answer was lost in this run are still open, and make the run fail so that it is noticed.
            int code = outcome.unresolved() > 0 ? PendoSyncCommand.EXIT_FAILED : PendoSyncCommand.EXIT_OK;
            Optional<String> error = Optional.empty();
            if (code != PendoSyncCommand.EXIT_OK) {
                error = Optional.of(String.format(
                        Locale.ROOT,
                        "%,d events' answers were lost: they may or may not have reached Pendo, and the next run"
                                + " sends them again (listed in %s)",
                        outcome.unresolved(),
                        plan.rejects()));
            }
            PushSummary summary = summary(counts, startedAt, error);
            summary.print(out);
            error.ifPresent(line -> err.println("pendo-sync: " + line));
            if (plan.summaryJson().isPresent()) {
                summary.writeJson(plan.summaryJson().get(), code);
            }
            return code;
        } finally {
            if (track != null && demo == null) {
                track.close();
            }
            if (demo != null) {
                demo.close();
            } else {
                client.close();
            }
        }
    }

    /** The engine's refusal in the command's terms: its builder settings named as the options that set them. */
    static String inOptionTerms(String message) {
        String text = String.valueOf(message)
                .replace("createFields", "--create-fields")
                .replace("createMissing", "--create-missing")
                .replace("idColumn", "--id-column")
                .strip();
        return text + (text.endsWith(".") ? "" : ".") + " Nothing was sent.";
    }

    private PushListener listener() {
        return System.console() != null && err == PendoSyncCommand.STANDARD_ERROR
                ? PushProgress.bar(System.err, out, plan.dryRun())
                : PushProgress.lines(err, out, System::nanoTime, plan.dryRun());
    }

    private static PushCounts counts(PushResult result) {
        return new PushCounts(
                result.rowsRead(),
                result.sent(),
                result.unchanged(),
                result.skippedMissing(),
                result.rejected(),
                result.cleared(),
                result.outcomeUnknown(),
                result.requests());
    }

    /** What is pushed, for people. */
    String what() {
        String kind = plan.isTrack()
                ? "track events"
                : plan.object() + " metadata (" + plan.metadata().orElseThrow().group() + ")";
        return kind + " from " + plan.source().describe();
    }

    private PushSummary summary(PushCounts counts, Instant startedAt, Optional<String> error) {
        return new PushSummary(
                what(), counts, plan.dryRun(), plan.rejects(), plan.state(), startedAt, Instant.now(), error);
    }

    /**
     * One cheap call before anything is read: a key Pendo rejects fails the run here, once.
     */
    private static void checkKey(PendoClient client) throws Stop {
        KeyVerification verification;
        try {
            verification = client.verifyKey();
        } catch (PendoException e) {
            throw new Stop(
                    "cannot check PENDO_INTEGRATION_KEY against " + client.baseUrl() + ": " + e.getMessage()
                            + " Nothing was pushed; run again once Pendo answers.",
                    PendoSyncCommand.EXIT_FAILED);
        }
        if (!verification.valid() && verification.statusCode() == 401) {
            throw new Stop(
                    "Pendo rejected PENDO_INTEGRATION_KEY (HTTP 401): " + verification.message()
                            + " Nothing was pushed; set the right key, then run again.",
                    PendoSyncCommand.EXIT_FAILED);
        }
    }

    /** One line on standard error, the summary file with the error, and the exit status. */
    private int fail(String message, int code, Instant startedAt) {
        return fail(message, code, startedAt, PushCounts.none());
    }

    private int fail(String message, int code, Instant startedAt, PushCounts counts) {
        String line = PendoSyncCommand.oneLine(message);
        err.println("pendo-sync: " + line);
        if (plan.summaryJson().isPresent()) {
            try {
                summary(counts, startedAt, Optional.of(line))
                        .writeJson(plan.summaryJson().get(), code);
            } catch (IOException | RuntimeException e) {
                err.println("pendo-sync: cannot write --summary-json "
                        + plan.summaryJson().get() + ": " + e.getMessage());
            }
        }
        err.flush();
        return code;
    }
}
