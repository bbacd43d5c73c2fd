/**
 * Pendo webhooks: typed payloads ({@link io.github.pendoclient.track.webhook.WebhookParser}), de-duplication by
 * {@code uniqueId}, and optional HMAC-SHA256 signature checks for senders that sign (Pendo does not document
 * signing).
 */
package io.github.pendoclient.track.webhook;
