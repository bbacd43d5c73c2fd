package io.github.pendoclient.track.webhook;

import io.github.pendoclient.internal.Copies;
import java.time.Instant;
import java.util.Map;

/**
 * The members every Pendo webhook payload shares.
 *
 * @param event the event kind as sent, for example {@code guideDisplayed}
 * @param appId the app id ({@code app.id}), or null
 * @param appName the app name, or null
 * @param appPlatform the app platform, for example {@code web}, or null
 * @param subscriptionId the subscription id ({@code subscription.id}), or null
 * @param subscriptionName the subscription name, or null
 * @param visitorId the visitor id, or null
 * @param accountId the account id, or null
 * @param userAgent the user agent, or null
 * @param timestamp when it happened; Pendo's examples send seconds, the API elsewhere milliseconds, and both are read
 * @param uniqueId the payload's unique id (40 hex characters in Pendo's examples), for de-duplication; or null
 * @param properties the kind-specific properties; empty when absent
 * @param unknownFields every other top-level member
 */
public record WebhookEnvelope(
        String event,
        Long appId,
        String appName,
        String appPlatform,
        Long subscriptionId,
        String subscriptionName,
        String visitorId,
        String accountId,
        String userAgent,
        Instant timestamp,
        String uniqueId,
        Map<String, Object> properties,
        Map<String, Object> unknownFields) {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param event the event kind as sent, for example {@code guideDisplayed}
     * @param appId the app id ({@code app.id}), or null
     * @param appName the app name, or null
     * @param appPlatform the app platform, for example {@code web}, or null
     * @param subscriptionId the subscription id ({@code subscription.id}), or null
     * @param subscriptionName the subscription name, or null
     * @param visitorId the visitor id, or null
     * @param accountId the account id, or null
     * @param userAgent the user agent, or null
     * @param timestamp when it happened; Pendo's examples send seconds, the API elsewhere milliseconds, and both are read
     * @param uniqueId the payload's unique id (40 hex characters in Pendo's examples), for de-duplication; or null
     * @param properties the kind-specific properties; empty when absent
     * @param unknownFields every other top-level member
     */
    public WebhookEnvelope {
        properties = Copies.map(properties);
        unknownFields = Copies.map(unknownFields);
    }
}
