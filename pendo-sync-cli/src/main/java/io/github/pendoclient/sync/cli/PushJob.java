package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.cli.PushSummary.PushCounts;
import io.github.pendoclient.track.TrackClient;
import java.io.PrintWriter;

/** The push itself, on the engine. */
final class PushJob {

    private final PushPlan plan;

    PushJob(PushPlan plan, PendoClient client, TrackClient track, PrintWriter err) {
        this.plan = plan;
    }

    PushCounts run() {
        throw new IllegalStateException("not built yet: " + plan.object());
    }
}
