package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.Map;

/**
 * A segment ({@code GET /api/v1/segment}).
 *
 * @param id the {@code id} member
 * @param name the {@code name} member
 * @param kind the {@code kind} member
 * @param createdByUser the {@code createdByUser} member
 * @param createdAt the {@code createdAt} member
 * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Segment(
        String id,
        String name,
        String kind,
        UserRef createdByUser,
        Instant createdAt,
        UserRef lastUpdatedByUser,
        Instant lastUpdatedAt,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param name the {@code name} member
     * @param kind the {@code kind} member
     * @param createdByUser the {@code createdByUser} member
     * @param createdAt the {@code createdAt} member
     * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Segment {
        unknownFields = Copies.map(unknownFields);
    }
}
