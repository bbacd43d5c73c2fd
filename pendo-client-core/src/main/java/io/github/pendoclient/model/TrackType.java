package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A track event type ({@code GET /api/v1/tracktype}).
 *
 * @param id the {@code id} member
 * @param appId the {@code appId} member
 * @param name the {@code name} member
 * @param kind the {@code kind} member
 * @param color the {@code color} member
 * @param group the {@code group} member
 * @param isCoreEvent the {@code isCoreEvent} member
 * @param rules the {@code rules} member
 * @param eventPropertyNameList the {@code eventPropertyNameList} member
 * @param trackTypeName the {@code trackTypeName} member
 * @param dirty the {@code dirty} member
 * @param createdByUser the {@code createdByUser} member
 * @param createdAt the {@code createdAt} member
 * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param rootVersionId the {@code rootVersionId} member
 * @param stableVersionId the {@code stableVersionId} member
 * @param trackTypeRules the {@code trackTypeRules} member, or null
 * @param validThrough the time Pendo has processed this track type's data up to, or null
 * @param dailyMergeFirst the {@code dailyMergeFirst} time, or null (Pendo writes 0 for never)
 * @param dailyRollupFirst the first day rolled up for this track type, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record TrackType(
        String id,
        Long appId,
        String name,
        String kind,
        String color,
        Map<String, Object> group,
        Boolean isCoreEvent,
        List<Map<String, Object>> rules,
        List<String> eventPropertyNameList,
        String trackTypeName,
        Boolean dirty,
        UserRef createdByUser,
        Instant createdAt,
        UserRef lastUpdatedByUser,
        Instant lastUpdatedAt,
        String rootVersionId,
        String stableVersionId,
        List<Object> trackTypeRules,
        Instant validThrough,
        Instant dailyMergeFirst,
        Instant dailyRollupFirst,
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
     * @param group the {@code group} member
     * @param isCoreEvent the {@code isCoreEvent} member
     * @param rules the {@code rules} member
     * @param eventPropertyNameList the {@code eventPropertyNameList} member
     * @param trackTypeName the {@code trackTypeName} member
     * @param dirty the {@code dirty} member
     * @param createdByUser the {@code createdByUser} member
     * @param createdAt the {@code createdAt} member
     * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param rootVersionId the {@code rootVersionId} member
     * @param stableVersionId the {@code stableVersionId} member
     * @param trackTypeRules the {@code trackTypeRules} member, or null
     * @param validThrough the time Pendo has processed this track type's data up to, or null
     * @param dailyMergeFirst the {@code dailyMergeFirst} time, or null (Pendo writes 0 for never)
     * @param dailyRollupFirst the first day rolled up for this track type, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public TrackType {
        group = Copies.map(group);
        rules = Copies.list(rules);
        eventPropertyNameList = Copies.list(eventPropertyNameList);
        trackTypeRules = Copies.list(trackTypeRules);
        unknownFields = Copies.map(unknownFields);
    }
}
