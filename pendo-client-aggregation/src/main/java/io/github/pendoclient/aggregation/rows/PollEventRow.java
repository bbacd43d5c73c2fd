package io.github.pendoclient.aggregation.rows;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of the {@code pollEvents} source: one poll event (not rolled up).
 *
 * @param visitorId the visitor id
 * @param accountId the account id, or null
 * @param appId the app id
 * @param type the event type, for example {@code pollResponse}
 * @param pollId the poll id
 * @param pollType the poll type, for example {@code NPSRating}, or null
 * @param pollResponse the answer: a number, a string or a list, as Pendo sends it
 * @param guideId the guide holding the poll
 * @param guideStepId the step holding the poll
 * @param browserTime when it happened, by the browser's clock
 * @param guideTimestamp when Pendo recorded it, or null
 * @param remoteIp the client IP address, or null
 * @param userAgent the user agent, or null
 * @param country the country code, or null
 * @param region the region code, or null
 * @param accountIds every account of the visitor, or null
 * @param serverName the host name, or null
 * @param latitude the latitude, or null
 * @param longitude the longitude, or null
 * @param loadTime the load time in milliseconds, or null
 * @param unknownFields every other member, kept and written back
 */
public record PollEventRow(
        String visitorId,
        String accountId,
        Long appId,
        String type,
        String pollId,
        String pollType,
        Object pollResponse,
        String guideId,
        String guideStepId,
        Instant browserTime,
        Instant guideTimestamp,
        String remoteIp,
        String userAgent,
        String country,
        String region,
        List<String> accountIds,
        String serverName,
        Double latitude,
        Double longitude,
        Long loadTime,
        @UnknownFields Map<String, Object> unknownFields) {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param visitorId the visitor id
     * @param accountId the account id, or null
     * @param appId the app id
     * @param type the event type, for example {@code pollResponse}
     * @param pollId the poll id
     * @param pollType the poll type, for example {@code NPSRating}, or null
     * @param pollResponse the answer: a number, a string or a list, as Pendo sends it
     * @param guideId the guide holding the poll
     * @param guideStepId the step holding the poll
     * @param browserTime when it happened, by the browser's clock
     * @param guideTimestamp when Pendo recorded it, or null
     * @param remoteIp the client IP address, or null
     * @param userAgent the user agent, or null
     * @param country the country code, or null
     * @param region the region code, or null
     * @param accountIds every account of the visitor, or null
     * @param serverName the host name, or null
     * @param latitude the latitude, or null
     * @param longitude the longitude, or null
     * @param loadTime the load time in milliseconds, or null
     * @param unknownFields every other member, kept and written back
     */
    public PollEventRow {
        accountIds = Copies.list(accountIds);
        unknownFields = Copies.map(unknownFields);
    }
}
