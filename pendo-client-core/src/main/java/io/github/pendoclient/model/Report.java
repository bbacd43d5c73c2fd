package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.Map;

/**
 * A saved report definition ({@code GET /api/v1/report}); {@code aggregation} holds its stored pipeline.
 *
 * @param id the {@code id} member
 * @param name the {@code name} member
 * @param kind the {@code kind} member
 * @param level the {@code level} member
 * @param scope the {@code scope} member
 * @param share the {@code share} member
 * @param shared the {@code shared} member
 * @param target the {@code target} member
 * @param type the {@code type} member
 * @param aggregation the {@code aggregation} member
 * @param definition the {@code definition} member
 * @param createdByUser the {@code createdByUser} member
 * @param createdAt the {@code createdAt} member
 * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param lastRunAt the {@code lastRunAt} member
 * @param lastSuccessRunAt the {@code lastSuccessRunAt} member
 * @param ownedByUser the {@code ownedByUser} member
 * @param rootVersionId the {@code rootVersionId} member
 * @param stableVersionId the {@code stableVersionId} member
 * @param lastSuccessRunObj what the last successful run produced, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Report(
        String id,
        String name,
        String kind,
        String level,
        String scope,
        String share,
        Boolean shared,
        String target,
        String type,
        Map<String, Object> aggregation,
        Map<String, Object> definition,
        UserRef createdByUser,
        Instant createdAt,
        UserRef lastUpdatedByUser,
        Instant lastUpdatedAt,
        Instant lastRunAt,
        Instant lastSuccessRunAt,
        UserRef ownedByUser,
        String rootVersionId,
        String stableVersionId,
        Map<String, Object> lastSuccessRunObj,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param name the {@code name} member
     * @param kind the {@code kind} member
     * @param level the {@code level} member
     * @param scope the {@code scope} member
     * @param share the {@code share} member
     * @param shared the {@code shared} member
     * @param target the {@code target} member
     * @param type the {@code type} member
     * @param aggregation the {@code aggregation} member
     * @param definition the {@code definition} member
     * @param createdByUser the {@code createdByUser} member
     * @param createdAt the {@code createdAt} member
     * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param lastRunAt the {@code lastRunAt} member
     * @param lastSuccessRunAt the {@code lastSuccessRunAt} member
     * @param ownedByUser the {@code ownedByUser} member
     * @param rootVersionId the {@code rootVersionId} member
     * @param stableVersionId the {@code stableVersionId} member
     * @param lastSuccessRunObj what the last successful run produced, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Report {
        aggregation = Copies.map(aggregation);
        definition = Copies.map(definition);
        lastSuccessRunObj = Copies.map(lastSuccessRunObj);
        unknownFields = Copies.map(unknownFields);
    }
}
