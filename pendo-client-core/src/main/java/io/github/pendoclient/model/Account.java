package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.AlsoReads;
import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * An account as {@code GET /api/v1/account/{id}} and the aggregation source {@code accounts} return it. The REST body
 * names the id {@code id}, the aggregation row {@code accountId}; {@link #accountId()} reads either, and the account
 * is written back as {@code accountId}.
 *
 * @param accountId the account id, from {@code accountId} or, in REST bodies, {@code id}
 * @param metadata the metadata groups
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Account(
        @AlsoReads("id") String accountId,
        Map<String, Map<String, Object>> metadata,
        @UnknownFields Map<String, Object> unknownFields)
        implements MetadataHolder {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param accountId the account id, from {@code accountId} or, in REST bodies, {@code id}
     * @param metadata the metadata groups
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Account {
        metadata = Copies.map(metadata);
        unknownFields = Copies.map(unknownFields);
    }
}
