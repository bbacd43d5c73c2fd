package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tagged feature ({@code GET /api/v1/feature}). {@code kind} and {@code color} are open strings.
 *
 * @param id the {@code id} member
 * @param appId the {@code appId} member
 * @param name the {@code name} member
 * @param kind the {@code kind} member
 * @param color the {@code color} member
 * @param pageId the {@code pageId} member
 * @param appWide the {@code appWide} member
 * @param elementPathRules the {@code elementPathRules} member
 * @param group the {@code group} member
 * @param isCoreEvent the {@code isCoreEvent} member
 * @param dirty the {@code dirty} member
 * @param createdByUser the {@code createdByUser} member
 * @param createdAt the {@code createdAt} member
 * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param rootVersionId the {@code rootVersionId} member
 * @param stableVersionId the {@code stableVersionId} member
 * @param validThrough the time Pendo has processed this feature's data up to, or null
 * @param dailyMergeFirst the {@code dailyMergeFirst} time, or null (Pendo writes 0 for never)
 * @param dailyRollupFirst the first day rolled up for this feature, or null
 * @param eventPropertyConfigurations the event properties captured on clicks, or null
 * @param suggestedMatch the selector Pendo suggested, or null
 * @param createdDesignerVersion the designer version the feature was tagged with, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Feature(
        String id,
        Long appId,
        String name,
        String kind,
        String color,
        String pageId,
        Boolean appWide,
        List<String> elementPathRules,
        Map<String, Object> group,
        Boolean isCoreEvent,
        Boolean dirty,
        UserRef createdByUser,
        Instant createdAt,
        UserRef lastUpdatedByUser,
        Instant lastUpdatedAt,
        String rootVersionId,
        String stableVersionId,
        Instant validThrough,
        Instant dailyMergeFirst,
        Instant dailyRollupFirst,
        List<Map<String, Object>> eventPropertyConfigurations,
        String suggestedMatch,
        String createdDesignerVersion,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param appId the {@code appId} member
     * @param name the {@code name} member
     * @param kind the {@code kind} member
     * @param color the {@code color} member
     * @param pageId the {@code pageId} member
     * @param appWide the {@code appWide} member
     * @param elementPathRules the {@code elementPathRules} member
     * @param group the {@code group} member
     * @param isCoreEvent the {@code isCoreEvent} member
     * @param dirty the {@code dirty} member
     * @param createdByUser the {@code createdByUser} member
     * @param createdAt the {@code createdAt} member
     * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param rootVersionId the {@code rootVersionId} member
     * @param stableVersionId the {@code stableVersionId} member
     * @param validThrough the time Pendo has processed this feature's data up to, or null
     * @param dailyMergeFirst the {@code dailyMergeFirst} time, or null (Pendo writes 0 for never)
     * @param dailyRollupFirst the first day rolled up for this feature, or null
     * @param eventPropertyConfigurations the event properties captured on clicks, or null
     * @param suggestedMatch the selector Pendo suggested, or null
     * @param createdDesignerVersion the designer version the feature was tagged with, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Feature {
        elementPathRules = Copies.list(elementPathRules);
        group = Copies.map(group);
        eventPropertyConfigurations = Copies.list(eventPropertyConfigurations);
        unknownFields = Copies.map(unknownFields);
    }
}
