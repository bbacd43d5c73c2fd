package io.github.pendoclient.model;

import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * An account as {@code GET /api/v1/account/{id}} and the aggregation source {@code accounts} return it.
 *
 * @param accountId the account id
 * @param metadata the metadata groups
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Account(String accountId, Map<String, Map<String, Object>> metadata,
                      @UnknownFields Map<String, Object> unknownFields) implements MetadataHolder {
}
