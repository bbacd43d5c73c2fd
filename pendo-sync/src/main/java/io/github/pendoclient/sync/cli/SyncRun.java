package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
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

/** One checked run: starts the demo or the client, opens the sink, syncs, and reports. */
final class SyncRun implements Callable<Integer> {

    private final Plan plan;
    private final PrintWriter out;
    private final PrintWriter err;

    SyncRun(Plan plan, PrintWriter out, PrintWriter err) {
        this.plan = plan;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Instant startedAt = Instant.now();
        DemoPendo demo = null;
        PendoClient client;
        SyncOptions.Builder settings = plan.settings();
        long anonymous = -1;
        if (plan.demo() != null) {
            PendoSyncCommand.Demo d = plan.demo();
            demo = DemoPendo.start(d.seed(), d.visitors(), d.accounts(), d.days(), d.clock());
            anonymous = demo.anonymousVisitors();
            out.println(String.format(Locale.ROOT, "No PENDO_INTEGRATION_KEY set: syncing from an in-process fake"
                    + " Pendo with generated demo data (%,d visitors, %,d of them anonymous, %,d accounts, %d days"
                    + " of events). Set PENDO_INTEGRATION_KEY (and PENDO_REGION) to sync your subscription.",
                    d.visitors(), anonymous, d.accounts(), d.days()));
            client = demo.client();
            if (plan.settings().build().historyVisitors().isEmpty()) {
                settings.historyVisitors(demo.sampleVisitors(3));
            }
        } else {
            PendoClient.Builder builder = PendoClient.builder().integrationKey(plan.key())
                    .applicationName("pendo-sync");
            if (plan.region() != null) {
                builder.region(plan.region());
            }
            if (plan.baseUrl() != null) {
                builder.baseUrl(plan.baseUrl());
            }
            client = builder.build();
        }
        try {
            SyncOptions resolved = settings.build();
            List<String> tables = plan.tables().stream()
                    .filter(table -> !table.equals("visitor_history") || !resolved.historyVisitors().isEmpty())
                    .toList();
            Sink sink;
            try {
                sink = plan.destination().open();
            } catch (IOException e) {
                err.println("pendo-sync: cannot open " + plan.destination().target() + ": " + e.getMessage()
                        + ". Check that no other pendo-sync uses it and that the disk has space, then run again.");
                err.flush();
                return PendoSyncCommand.EXIT_FAILED;
            }
            List<TableResult> results;
            Summary summary;
            try (sink) {
                if (demo == null) {
                    out.println("Syncing " + client.baseUrl() + " into " + sink.describe());
                }
                out.flush();
                SyncEngine engine = SyncEngine.builder().client(client).sink(sink).state(plan.state())
                        .settings(resolved).listener(System.console() != null && err == PendoSyncCommand.STANDARD_ERROR
                                ? Progress.bars(System.err) : Progress.lines(err, System::nanoTime)).build();
                results = engine.syncAll(tables);
                summary = new Summary(results, sink.describe(), anonymous, resolved.includeAnonymous(),
                        startedAt, Instant.now());
            }
            summary.print(out);
            int code = results.stream().allMatch(TableResult::ok) ? PendoSyncCommand.EXIT_OK
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
}
