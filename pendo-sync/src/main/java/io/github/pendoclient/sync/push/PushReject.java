package io.github.pendoclient.sync.push;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A source row that was not applied, and why: what the rejects file holds, one per line.
 *
 * @param rowNumber the row's number in the source, from 1; 0 for an object cleared because it left the source
 * @param row the source row, column to value
 * @param reason why, as a stable word
 * @param message the details: Pendo's message, or what could not be converted and how to fix it
 */
public record PushReject(long rowNumber, Map<String, Object> row, Reason reason, String message) {

    /**
     * Copies the row.
     *
     * @param rowNumber the number
     * @param row the row
     * @param reason why
     * @param message the details
     */
    public PushReject {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        row = Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }

    /** Why a row was not applied. */
    public enum Reason {
        /** Pendo does not know the visitor or account id (skipped; {@code createMissing} creates it instead). */
        MISSING,
        /** A value could not be converted to its field's type, or the id is empty: never sent. */
        INVALID_VALUE,
        /** The event breaks a track event rule (name, ids, timestamp, properties, unique key): never sent. */
        INVALID_EVENT,
        /** Pendo refused the row. */
        REJECTED_BY_PENDO
    }
}
