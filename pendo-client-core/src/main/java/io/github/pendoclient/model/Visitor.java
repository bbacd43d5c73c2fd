package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.AlsoReads;
import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * A visitor as {@code GET /api/v1/visitor/{id}} and the aggregation source {@code visitors} return it. The REST body
 * names the id {@code id}, the aggregation row {@code visitorId}; {@link #visitorId()} reads either, and the visitor
 * is written back as {@code visitorId}.
 *
 * @param visitorId the visitor id, from {@code visitorId} or, in REST bodies, {@code id}
 * @param displayName the {@code displayName} the REST body carries, or null (aggregation rows have none)
 * @param metadata the metadata groups
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Visitor(
        @AlsoReads("id") String visitorId,
        String displayName,
        Map<String, Map<String, Object>> metadata,
        @UnknownFields Map<String, Object> unknownFields)
        implements MetadataHolder {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param visitorId the visitor id, from {@code visitorId} or, in REST bodies, {@code id}
     * @param displayName the {@code displayName} the REST body carries, or null (aggregation rows have none)
     * @param metadata the metadata groups
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Visitor {
        metadata = Copies.map(metadata);
        unknownFields = Copies.map(unknownFields);
    }
}
