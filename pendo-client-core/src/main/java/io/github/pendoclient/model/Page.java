package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tagged page ({@code GET /api/v1/page}).
 *
 * @param id the {@code id} member
 * @param appId the {@code appId} member
 * @param name the {@code name} member
 * @param kind the {@code kind} member
 * @param color the {@code color} member
 * @param rules the {@code rules} member
 * @param isCoreEvent the {@code isCoreEvent} member
 * @param dirty the {@code dirty} member
 * @param createdByUser the {@code createdByUser} member
 * @param createdAt the {@code createdAt} member
 * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param rootVersionId the {@code rootVersionId} member
 * @param stableVersionId the {@code stableVersionId} member
 * @param group the product area ({@code id}, {@code name}, ...), or null
 * @param validThrough the time Pendo has processed this page's data up to, or null
 * @param dailyMergeFirst the {@code dailyMergeFirst} time, or null (Pendo writes 0 for never)
 * @param dailyRollupFirst the first day rolled up for this page, or null
 * @param rulesjson the rules as JSON text, as Pendo sends them, or null
 * @param isAutoTagged whether Pendo tagged the page itself, or null
 * @param suggestedName the name Pendo suggested, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Page(
        String id,
        Long appId,
        String name,
        String kind,
        String color,
        List<PageRule> rules,
        Boolean isCoreEvent,
        Boolean dirty,
        UserRef createdByUser,
        Instant createdAt,
        UserRef lastUpdatedByUser,
        Instant lastUpdatedAt,
        String rootVersionId,
        String stableVersionId,
        Map<String, Object> group,
        Instant validThrough,
        Instant dailyMergeFirst,
        Instant dailyRollupFirst,
        String rulesjson,
        Boolean isAutoTagged,
        String suggestedName,
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
     * @param rules the {@code rules} member
     * @param isCoreEvent the {@code isCoreEvent} member
     * @param dirty the {@code dirty} member
     * @param createdByUser the {@code createdByUser} member
     * @param createdAt the {@code createdAt} member
     * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param rootVersionId the {@code rootVersionId} member
     * @param stableVersionId the {@code stableVersionId} member
     * @param group the product area ({@code id}, {@code name}, ...), or null
     * @param validThrough the time Pendo has processed this page's data up to, or null
     * @param dailyMergeFirst the {@code dailyMergeFirst} time, or null (Pendo writes 0 for never)
     * @param dailyRollupFirst the first day rolled up for this page, or null
     * @param rulesjson the rules as JSON text, as Pendo sends them, or null
     * @param isAutoTagged whether Pendo tagged the page itself, or null
     * @param suggestedName the name Pendo suggested, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Page {
        rules = Copies.list(rules);
        group = Copies.map(group);
        unknownFields = Copies.map(unknownFields);
    }
}
