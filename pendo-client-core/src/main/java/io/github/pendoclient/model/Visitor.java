package io.github.pendoclient.model;

import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * A visitor as {@code GET /api/v1/visitor/{id}} and the aggregation source {@code visitors} return it.
 *
 * @param visitorId the visitor id
 * @param metadata the metadata groups
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Visitor(String visitorId, Map<String, Map<String, Object>> metadata,
                      @UnknownFields Map<String, Object> unknownFields) implements MetadataHolder {
}
