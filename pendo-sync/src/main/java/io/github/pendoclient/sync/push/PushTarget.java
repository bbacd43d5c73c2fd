package io.github.pendoclient.sync.push;

import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.track.TrackEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where pushed objects and events go. {@link PendoTarget} writes to Pendo with the SDK; implement it to send
 * elsewhere, or to test the engine.
 *
 * <p>The engine calls a target from one thread, one call at a time, and trusts its per-row answers: it records in
 * its state exactly the rows a target reports as accepted, and nothing else. A call that throws tells the engine
 * that the outcome of its rows is unknown: the run stops, and those rows are sent again on the next run. A call that
 * throws {@link io.github.pendoclient.error.AuthenticationException} or
 * {@link io.github.pendoclient.error.PermissionDeniedException}, or an event outcome of
 * {@link EventStatus#CREDENTIALS_REFUSED}, stops the run with a {@link PushCredentialsRefusedException}: Pendo
 * applied none of those rows, and they are sent on the next run.
 */
public interface PushTarget {

    /**
     * The fields of a metadata group and their Pendo types ({@code Type} in {@code /metadata/schema/{kind}}):
     * {@code string}, {@code integer}, {@code float}, {@code boolean}, {@code time}, or {@code ""} when Pendo gives
     * none.
     *
     * @param kind visitors, accounts or parent accounts
     * @param group {@code agent} or {@code custom}
     * @return field name to type; empty when the group has no fields
     */
    Map<String, String> fields(PushKind kind, String group);

    /**
     * Writes metadata rows, isolating the rows Pendo rejects (split retries) so that the others are applied.
     *
     * @param kind visitors, accounts or parent accounts
     * @param group {@code agent} or {@code custom}
     * @param rows the rows, each id once
     * @param createMissing whether unknown ids are created ({@code create=true}) rather than reported missing
     * @return what happened to each row
     */
    UpdateResult update(PushKind kind, String group, List<MetadataRow> rows, boolean createMissing);

    /**
     * Sends track events, each once.
     *
     * @param events the events
     * @return one outcome per event, in the same order
     */
    List<EventOutcome> send(List<TrackEvent> events);

    /**
     * What happened to the rows of one {@link #update} call. Every row is in exactly one of the three.
     *
     * @param accepted ids Pendo applied
     * @param missing ids Pendo does not know ({@code missing} in its answer)
     * @param rejected id to Pendo's message, for rows Pendo refused
     * @param requests HTTP requests the call made
     */
    record UpdateResult(List<String> accepted, List<String> missing, Map<String, String> rejected, int requests) {

        /**
         * Copies the lists.
         *
         * @param accepted applied ids
         * @param missing unknown ids
         * @param rejected refused ids and why
         * @param requests requests made
         */
        public UpdateResult {
            accepted = List.copyOf(accepted);
            missing = List.copyOf(missing);
            rejected = Map.copyOf(rejected);
        }
    }

    /**
     * What happened to one event.
     *
     * @param status delivered, rejected, refused credentials, or unknown
     * @param message Pendo's or the validator's message when not delivered; empty when delivered
     * @param statusCode Pendo's HTTP status when it answered with an error; 0 otherwise
     */
    record EventOutcome(EventStatus status, String message, int statusCode) {

        /** Delivered, with no message. */
        public static final EventOutcome DELIVERED = new EventOutcome(EventStatus.DELIVERED, "");

        /**
         * Checks the parts.
         *
         * @param status the status
         * @param message the message
         * @param statusCode the HTTP status, or 0
         */
        public EventOutcome {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }

        /**
         * An outcome without an HTTP status.
         *
         * @param status the status
         * @param message the message
         */
        public EventOutcome(EventStatus status, String message) {
            this(status, message, 0);
        }
    }

    /** The outcome of one event. */
    enum EventStatus {
        /** Pendo accepted the event. */
        DELIVERED,
        /** The event was refused (by the validator, or by Pendo with a 4xx); it was not applied. */
        REJECTED,
        /**
         * Pendo refused the credential (401 or 403): the event was not applied. The run stops; the event and every
         * event not yet sent are sent on the next run.
         */
        CREDENTIALS_REFUSED,
        /** Pendo may or may not have received it: the answer was lost. Counted and reported, sent again next run. */
        OUTCOME_UNKNOWN
    }
}
