package io.github.pendoclient.aggregation.rows;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.Map;

/**
 * A row of the {@code featureEvents} source: feature clicks rolled up per visitor, account, feature and day or hour.
 *
 * @param visitorId the visitor id
 * @param accountId the account id, or null
 * @param appId the app id
 * @param day the day bucket (daily series), or null
 * @param hour the hour bucket (hourly series), or null
 * @param numEvents events in the bucket, or null when absent or not a whole number (then kept in unknownFields)
 * @param numMinutes minutes with activity in the bucket, or null when absent or not a whole number
 * @param firstTime the first event in the bucket, or null
 * @param lastTime the last event in the bucket, or null
 * @param remoteIp the client IP address, or null
 * @param server the host name, or null
 * @param userAgent the user agent, or null
 * @param country the country code, or null
 * @param region the region code, or null
 * @param parameters event parameters, or null
 * @param properties event properties, or null
 * @param featureId the feature id
 * @param unknownFields every other member (for example {@code tabId}, {@code rageClickCount}), kept and written back
 */
public record FeatureEventRow(
        String visitorId,
        String accountId,
        Long appId,
        Instant day,
        Instant hour,
        Long numEvents,
        Long numMinutes,
        Instant firstTime,
        Instant lastTime,
        String remoteIp,
        String server,
        String userAgent,
        String country,
        String region,
        Map<String, Object> parameters,
        Map<String, Object> properties,
        String featureId,
        @UnknownFields Map<String, Object> unknownFields)
        implements RolledUpEventRow {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param visitorId the visitor id
     * @param accountId the account id, or null
     * @param appId the app id
     * @param day the day bucket (daily series), or null
     * @param hour the hour bucket (hourly series), or null
     * @param numEvents events in the bucket, or null when absent or not a whole number (then kept in unknownFields)
     * @param numMinutes minutes with activity in the bucket, or null when absent or not a whole number
     * @param firstTime the first event in the bucket, or null
     * @param lastTime the last event in the bucket, or null
     * @param remoteIp the client IP address, or null
     * @param server the host name, or null
     * @param userAgent the user agent, or null
     * @param country the country code, or null
     * @param region the region code, or null
     * @param parameters event parameters, or null
     * @param properties event properties, or null
     * @param featureId the feature id
     * @param unknownFields every other member (for example {@code tabId}, {@code rageClickCount}), kept and written back
     */
    public FeatureEventRow {
        parameters = Copies.map(parameters);
        properties = Copies.map(properties);
        unknownFields = Copies.map(unknownFields);
    }
}
