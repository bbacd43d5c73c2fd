package io.github.pendoclient.sync.cli;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.sync.cli.PushPlan.Events;
import io.github.pendoclient.sync.cli.PushPlan.Metadata;
import io.github.pendoclient.sync.push.OnMissing;
import io.github.pendoclient.sync.push.PushEngine;
import io.github.pendoclient.sync.push.PushEventOptions;
import io.github.pendoclient.sync.push.PushKind;
import io.github.pendoclient.sync.push.PushListener;
import io.github.pendoclient.sync.push.PushResult;
import io.github.pendoclient.track.TrackClient;
import java.io.IOException;
import java.util.Map;

/** Builds the push engine from a checked plan and runs it, with the rejects file and progress of the command. */
final class PushJob {

    private final PushPlan plan;
    private final PendoClient client;
    private final TrackClient track;
    private final PushListener listener;
    private final Map<String, String> environment;

    PushJob(
            PushPlan plan,
            PendoClient client,
            TrackClient track,
            PushListener listener,
            Map<String, String> environment) {
        this.plan = plan;
        this.environment = environment;
        this.client = client;
        this.track = track;
        this.listener = listener;
    }

    /** The engine's kind for the command's {@code --object}. */
    static PushKind kind(String object) {
        return switch (object) {
            case "visitor" -> PushKind.VISITOR;
            case "account" -> PushKind.ACCOUNT;
            case "parent-account" -> PushKind.PARENT_ACCOUNT;
            case "track" -> PushKind.TRACK_EVENT;
            default -> throw new IllegalArgumentException("unknown object " + object);
        };
    }

    /**
     * Runs the push.
     *
     * @return the counters, and the events of unknown outcome still to resolve
     *
     * @throws IOException if the source, the state or the rejects fail
     * @throws io.github.pendoclient.sync.push.PushConfigurationException if the engine's checks refuse the job
     */
    Outcome run() throws IOException {
        try (RejectsFile rejects = new RejectsFile(plan.rejects(), plan.dryRun())) {
            PushEngine.Builder engine = PushEngine.builder()
                    .client(client)
                    .source(PushSources.open(plan.source(), environment))
                    .kind(kind(plan.object()))
                    .full(plan.full())
                    .dryRun(plan.dryRun())
                    .stateFile(plan.state())
                    .rejects(rejects)
                    .listener(listener);
            if (track != null) {
                engine.trackClient(track);
            }
            if (plan.metadata().isPresent()) {
                Metadata metadata = plan.metadata().get();
                engine.group(metadata.group())
                        .idColumn(metadata.idColumn())
                        .mappings(metadata.mapping())
                        .createMissing(metadata.createMissing())
                        .createFields(metadata.createFields())
                        .onMissing(metadata.clearMissing() ? OnMissing.CLEAR : OnMissing.KEEP)
                        .batchSize(metadata.batchSize());
            }
            if (plan.events().isPresent()) {
                engine.events(events(plan.events().get()));
            }
            PushResult result = engine.build().run();
            rejects.finish();
            return new Outcome(result, rejects.unresolved());
        }
    }

    /**
     * What a push did.
     *
     * @param result the engine's counters
     * @param unresolved events whose answer was lost in this run, to be sent again by the next
     */
    record Outcome(PushResult result, long unresolved) {}

    private static PushEventOptions events(Events events) {
        PushEventOptions.Builder options = PushEventOptions.builder()
                .visitorIdColumn(events.visitorColumn())
                .uniqueKeyColumn(events.uniqueKeyColumn())
                .propertyColumns(events.propertyColumns());
        events.nameColumn().ifPresent(options::nameColumn);
        events.name().ifPresent(options::name);
        events.accountColumn().ifPresent(options::accountIdColumn);
        events.timestampColumn().ifPresent(options::timestampColumn);
        return options.build();
    }
}
