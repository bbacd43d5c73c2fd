package io.github.pendoclient.track.webhook;

import com.squareup.moshi.JsonReader;
import io.github.pendoclient.internal.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * Parses Pendo webhook bodies into {@link WebhookEvent}s. Unknown kinds and unknown members never fail a parse.
 * Framework-neutral: it takes the raw body.
 */
public final class WebhookParser {

    /** Timestamps below this are seconds (Pendo's examples), at or above it milliseconds. */
    static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private static final Set<String> ENVELOPE = Set.of(
            "event",
            "app",
            "subscription",
            "visitorId",
            "accountId",
            "userAgent",
            "timestamp",
            "uniqueId",
            "properties");

    private WebhookParser() {}

    /**
     * Parses a body.
     *
     * @param body the raw UTF-8 body
     * @return the event
     * @throws WebhookParseException if the body is not a JSON object
     */
    public static WebhookEvent parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Parses a body.
     *
     * @param body the body text
     * @return the event
     * @throws WebhookParseException if the body is not a JSON object
     */
    public static WebhookEvent parse(String body) {
        Map<String, Object> json;
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body))) {
            json = JsonValues.readObject(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new WebhookParseException("The webhook body has data after its JSON object", null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WebhookParseException parse) {
                throw parse;
            }
            throw new WebhookParseException("The webhook body is not a JSON object: " + e.getMessage(), e);
        }
        WebhookEnvelope envelope = envelope(json);
        String kind = envelope.event() == null ? "" : envelope.event();
        return switch (kind) {
            case "guideDisplayed" -> new WebhookEvent.GuideDisplayed(envelope);
            case "pollDisplayed" -> new WebhookEvent.PollDisplayed(envelope);
            case "pollSubmitted" -> new WebhookEvent.PollSubmitted(envelope);
            case "npsDisplayed" -> new WebhookEvent.NpsDisplayed(envelope);
            case "npsSubmitted" -> new WebhookEvent.NpsSubmitted(envelope);
            case "visitorCreated" -> new WebhookEvent.VisitorCreated(envelope);
            case "accountCreated" -> new WebhookEvent.AccountCreated(envelope);
            case "trackEventReceived" -> new WebhookEvent.TrackEventReceived(envelope);
            default -> new WebhookEvent.Other(envelope);
        };
    }

    private static WebhookEnvelope envelope(Map<String, Object> json) {
        Map<String, Object> app = object(json.get("app"));
        Map<String, Object> subscription = object(json.get("subscription"));
        Map<String, Object> unknown = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if (!ENVELOPE.contains(name)) {
                unknown.put(name, value);
            }
        });
        return new WebhookEnvelope(
                text(json.get("event")),
                number(app.get("id")),
                text(app.get("name")),
                text(app.get("platform")),
                number(subscription.get("id")),
                text(subscription.get("name")),
                text(json.get("visitorId")),
                text(json.get("accountId")),
                text(json.get("userAgent")),
                timestamp(json.get("timestamp")),
                text(json.get("uniqueId")),
                Collections.unmodifiableMap(object(json.get("properties"))),
                Collections.unmodifiableMap(unknown));
    }

    /**
     * Reads a webhook timestamp: seconds (as in Pendo's examples) or milliseconds, as a number or numeric string.
     *
     * @param value the raw value
     * @return the time, or null when absent or not a number
     */
    static Instant timestamp(Object value) {
        Long number = number(value);
        if (number == null) {
            return null;
        }
        return Math.abs(number) < MILLIS_THRESHOLD ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        return null;
    }
}
