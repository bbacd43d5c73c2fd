package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One step of a guide. {@code type} (for example {@code building-block}) is an open string.
 *
 * @param id the {@code id} member
 * @param guideId the {@code guideId} member
 * @param type the {@code type} member
 * @param name the {@code name} member
 * @param rank the {@code rank} member: a position, fractional when Pendo inserts a step between two others
 * @param advanceMethod the {@code advanceMethod} member
 * @param pageId the {@code pageId} member
 * @param pollIds the {@code pollIds} member
 * @param contentUrl the {@code contentUrl} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param resetAt the {@code resetAt} member
 * @param contentType the content type of the step's content, or null
 * @param contentUrlCss the URL of the step's CSS, or null
 * @param contentUrlJs the URL of the step's script, or null
 * @param buildingBlocksUrl the URL of the step's building blocks JSON, or null
 * @param domUrl the URL of the step's DOM JSON, or null
 * @param domJsonpUrl the URL of the step's DOM JSONP, or null
 * @param templateId the template the step was built from, or null
 * @param attributes the step's layout attributes ({@code height}, {@code width}, ...), or null
 * @param elementPathRule the element the step points at, or null
 * @param regexUrlRule the URL rule of the step, or null
 * @param launchUrl the {@code launchUrl} member, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record GuideStep(
        String id,
        String guideId,
        String type,
        String name,
        Double rank,
        String advanceMethod,
        String pageId,
        List<String> pollIds,
        String contentUrl,
        Instant lastUpdatedAt,
        Instant resetAt,
        String contentType,
        String contentUrlCss,
        String contentUrlJs,
        String buildingBlocksUrl,
        String domUrl,
        String domJsonpUrl,
        String templateId,
        Map<String, Object> attributes,
        String elementPathRule,
        String regexUrlRule,
        String launchUrl,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param guideId the {@code guideId} member
     * @param type the {@code type} member
     * @param name the {@code name} member
     * @param rank the {@code rank} member: a position, fractional when Pendo inserts a step between two others
     * @param advanceMethod the {@code advanceMethod} member
     * @param pageId the {@code pageId} member
     * @param pollIds the {@code pollIds} member
     * @param contentUrl the {@code contentUrl} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param resetAt the {@code resetAt} member
     * @param contentType the content type of the step's content, or null
     * @param contentUrlCss the URL of the step's CSS, or null
     * @param contentUrlJs the URL of the step's script, or null
     * @param buildingBlocksUrl the URL of the step's building blocks JSON, or null
     * @param domUrl the URL of the step's DOM JSON, or null
     * @param domJsonpUrl the URL of the step's DOM JSONP, or null
     * @param templateId the template the step was built from, or null
     * @param attributes the step's layout attributes ({@code height}, {@code width}, ...), or null
     * @param elementPathRule the element the step points at, or null
     * @param regexUrlRule the URL rule of the step, or null
     * @param launchUrl the {@code launchUrl} member, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public GuideStep {
        pollIds = Copies.list(pollIds);
        attributes = Copies.map(attributes);
        unknownFields = Copies.map(unknownFields);
    }
}
