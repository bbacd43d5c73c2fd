package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.Map;

/**
 * A bulk-delete request ({@code POST /api/v1/bulkdelete/visitor|account}, {@code GET /api/v1/bulkdelete}). Only {@code id} is documented; the rest of the shape is kept in {@link #unknownFields()}. Deletions are queued and may take up to 21 days.
 *
 * @param id the {@code id} member
 * @param status the {@code status} member
 * @param kind the {@code kind} member
 * @param createdAt the {@code createdAt} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record BulkDeleteJob(
        String id,
        String status,
        String kind,
        Instant createdAt,
        @UnknownFields Map<String, Object> unknownFields) implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param status the {@code status} member
     * @param kind the {@code kind} member
     * @param createdAt the {@code createdAt} member
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public BulkDeleteJob {
        unknownFields = Copies.map(unknownFields);
    }
}
