package io.github.pendoclient.sync.push;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.internal.MetadataWriter;
import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The {@link PushTarget} that writes to Pendo with the SDK: metadata with {@code MetadataResource} bulk updates
 * (one request per batch, {@code create=true} when asked, split retries that bisect a batch Pendo refuses as a whole
 * or reports failed rows in without naming them, {@code missing} ids reported as such), and track events with a
 * {@link TrackClient}, sent concurrently within a batch.
 *
 * <p>An event Pendo answers with 401 or 403 has its {@linkplain PushTarget.EventStatus#CREDENTIALS_REFUSED
 * credentials refused}: the run stops. An event refused by the validator or with a 4xx is {@linkplain PushTarget.EventStatus#REJECTED rejected}; one
 * whose answer was lost ({@link OutcomeUnknownException}, with a client built for
 * {@link io.github.pendoclient.track.Delivery#AT_MOST_ONCE}) or that failed otherwise after the client's retries is
 * of {@linkplain PushTarget.EventStatus#OUTCOME_UNKNOWN unknown outcome}.
 */
public final class PendoTarget implements PushTarget {

    private final PendoClient client;
    private final TrackClient trackClient;

    /**
     * A target over the clients; either may be null when its kind is not pushed.
     *
     * @param client the client for metadata, or null
     * @param trackClient the client for track events, or null
     */
    public PendoTarget(PendoClient client, TrackClient trackClient) {
        this.client = client;
        this.trackClient = trackClient;
    }

    @Override
    public Map<String, String> fields(PushKind kind, String group) {
        Map<String, MetadataFieldSchema> fields =
                metadata().metadata().schema(metadataKind(kind)).group(group);
        Map<String, String> types = new LinkedHashMap<>();
        fields.forEach((name, field) -> types.put(name, field.type() == null ? "" : field.type()));
        return types;
    }

    @Override
    public UpdateResult update(PushKind kind, String group, List<MetadataRow> rows, boolean createMissing) {
        return new MetadataWriter(metadata().metadata(), metadataKind(kind), group, createMissing).write(rows);
    }

    @Override
    public List<EventOutcome> send(List<TrackEvent> events) {
        TrackClient track = Objects.requireNonNull(trackClient, "This target has no TrackClient for track events");
        List<CompletableFuture<Void>> futures = new ArrayList<>(events.size());
        List<EventOutcome> outcomes = new ArrayList<>(events.size());
        for (TrackEvent event : events) {
            try {
                futures.add(track.sendAsync(event));
            } catch (InvalidTrackEventException invalid) {
                futures.add(CompletableFuture.failedFuture(invalid));
            }
        }
        for (CompletableFuture<Void> future : futures) {
            outcomes.add(outcome(future));
        }
        return outcomes;
    }

    private static EventOutcome outcome(CompletableFuture<Void> future) {
        Throwable failure;
        try {
            future.get();
            return EventOutcome.DELIVERED;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new EventOutcome(EventStatus.OUTCOME_UNKNOWN, "interrupted while waiting for Pendo's answer");
        } catch (ExecutionException | CompletionException failed) {
            failure = failed.getCause() == null ? failed : failed.getCause();
        }
        if (failure instanceof AuthenticationException || failure instanceof PermissionDeniedException) {
            return new EventOutcome(
                    EventStatus.CREDENTIALS_REFUSED,
                    String.valueOf(failure.getMessage()),
                    ((PendoApiException) failure).statusCode());
        }
        if (failure instanceof InvalidTrackEventException || failure instanceof InvalidRequestException) {
            return new EventOutcome(EventStatus.REJECTED, String.valueOf(failure.getMessage()));
        }
        return new EventOutcome(EventStatus.OUTCOME_UNKNOWN, String.valueOf(failure.getMessage()));
    }

    /** Whether this target has the client the kind needs. */
    boolean canPush(PushKind kind) {
        return kind == PushKind.TRACK_EVENT ? trackClient != null : client != null;
    }

    private PendoClient metadata() {
        return Objects.requireNonNull(client, "This target has no PendoClient for metadata");
    }

    private static io.github.pendoclient.resource.MetadataKind metadataKind(PushKind kind) {
        return kind.metadataKind()
                .orElseThrow(() -> new IllegalArgumentException(kind + " has no metadata; send events instead"));
    }

    @Override
    public String toString() {
        return "PendoTarget[" + (client == null ? "" : client) + (trackClient == null ? "" : " " + trackClient) + "]";
    }
}
