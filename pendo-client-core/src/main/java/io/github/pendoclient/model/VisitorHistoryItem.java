package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.Map;

/**
 * One item of a visitor's history ({@code GET /api/v1/visitor/{id}/history}); {@code visitorId} is added by the SDK, which Pendo's item lacks. {@code type} is {@code page}, {@code feature}, {@code guide} and so on.
 *
 * @param visitorId the {@code visitorId} member
 * @param type the {@code type} member
 * @param ts the {@code ts} member
 * @param lastTs the {@code lastTs} member
 * @param duration the {@code duration} member
 * @param pageId the {@code pageId} member
 * @param featureId the {@code featureId} member
 * @param guideId the {@code guideId} member
 * @param guideStepId the {@code guideStepId} member
 * @param appId the {@code appId} member
 * @param uri the {@code uri} member
 * @param untaggedUrl the {@code untaggedUrl} member
 * @param parsedUserAgent the {@code parsedUserAgent} member
 * @param trackTypeId the track type of a {@code trackType} item, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record VisitorHistoryItem(
        String visitorId,
        String type,
        Instant ts,
        Instant lastTs,
        Long duration,
        String pageId,
        String featureId,
        String guideId,
        String guideStepId,
        Long appId,
        String uri,
        String untaggedUrl,
        Map<String, Object> parsedUserAgent,
        String trackTypeId,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param visitorId the {@code visitorId} member
     * @param type the {@code type} member
     * @param ts the {@code ts} member
     * @param lastTs the {@code lastTs} member
     * @param duration the {@code duration} member
     * @param pageId the {@code pageId} member
     * @param featureId the {@code featureId} member
     * @param guideId the {@code guideId} member
     * @param guideStepId the {@code guideStepId} member
     * @param appId the {@code appId} member
     * @param uri the {@code uri} member
     * @param untaggedUrl the {@code untaggedUrl} member
     * @param parsedUserAgent the {@code parsedUserAgent} member
     * @param trackTypeId the track type of a {@code trackType} item, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public VisitorHistoryItem {
        parsedUserAgent = Copies.map(parsedUserAgent);
        unknownFields = Copies.map(unknownFields);
    }
}
