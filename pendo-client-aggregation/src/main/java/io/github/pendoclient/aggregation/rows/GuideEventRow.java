package io.github.pendoclient.aggregation.rows;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of the {@code guideEvents} source: one guide event (not rolled up).
 *
 * @param visitorId the visitor id
 * @param accountId the account id, or null
 * @param accountIds every account of the visitor, or null
 * @param appId the app id
 * @param type the event type, for example {@code guideSeen}, {@code guideAdvanced}, {@code guideDismissed}
 * @param guideId the guide id
 * @param guideStepId the step id
 * @param destinationStepId where the visitor went, or null
 * @param guideSeenReason why the guide showed, for example {@code auto}, or null
 * @param browserTime when it happened, by the browser's clock
 * @param guideTimestamp when Pendo recorded it, the cursor sync jobs use
 * @param language the guide language, or null
 * @param url the page URL, or null
 * @param remoteIp the client IP address, or null
 * @param serverName the host name, or null
 * @param userAgent the user agent, or null
 * @param country the country code, or null
 * @param region the region code, or null
 * @param latitude the latitude, or null
 * @param longitude the longitude, or null
 * @param loadTime the guide's load time in milliseconds, or null
 * @param properties event properties, or null
 * @param unknownFields every other member, kept and written back
 */
public record GuideEventRow(
        String visitorId,
        String accountId,
        List<String> accountIds,
        Long appId,
        String type,
        String guideId,
        String guideStepId,
        String destinationStepId,
        String guideSeenReason,
        Instant browserTime,
        Instant guideTimestamp,
        String language,
        String url,
        String remoteIp,
        String serverName,
        String userAgent,
        String country,
        String region,
        Double latitude,
        Double longitude,
        Long loadTime,
        Map<String, Object> properties,
        @UnknownFields Map<String, Object> unknownFields) {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param visitorId the visitor id
     * @param accountId the account id, or null
     * @param accountIds every account of the visitor, or null
     * @param appId the app id
     * @param type the event type, for example {@code guideSeen}, {@code guideAdvanced}, {@code guideDismissed}
     * @param guideId the guide id
     * @param guideStepId the step id
     * @param destinationStepId where the visitor went, or null
     * @param guideSeenReason why the guide showed, for example {@code auto}, or null
     * @param browserTime when it happened, by the browser's clock
     * @param guideTimestamp when Pendo recorded it, the cursor sync jobs use
     * @param language the guide language, or null
     * @param url the page URL, or null
     * @param remoteIp the client IP address, or null
     * @param serverName the host name, or null
     * @param userAgent the user agent, or null
     * @param country the country code, or null
     * @param region the region code, or null
     * @param latitude the latitude, or null
     * @param longitude the longitude, or null
     * @param loadTime the guide's load time in milliseconds, or null
     * @param properties event properties, or null
     * @param unknownFields every other member, kept and written back
     */
    public GuideEventRow {
        accountIds = Copies.list(accountIds);
        properties = Copies.map(properties);
        unknownFields = Copies.map(unknownFields);
    }
}
