package io.github.pendoclient.track.webhook;

import java.util.List;
import java.util.Map;

/**
 * A parsed Pendo webhook payload. Each known kind is its own record with accessors for its documented properties;
 * any other kind is an {@link Other}, never a parse failure.
 *
 * <pre>{@code
 * WebhookEvent event = WebhookParser.parse(body);
 * if (event instanceof WebhookEvent.GuideDisplayed guide) {
 *     log.info("guide {} shown to {}", guide.guideId(), guide.visitorId());
 * }
 * }</pre>
 */
public sealed interface WebhookEvent {

    /**
     * The shared members.
     *
     * @return the envelope
     */
    WebhookEnvelope envelope();

    /**
     * The event kind as sent.
     *
     * @return for example {@code guideDisplayed}
     */
    default String kind() {
        return envelope().event();
    }

    /**
     * The visitor id.
     *
     * @return the visitor id, or null
     */
    default String visitorId() {
        return envelope().visitorId();
    }

    /**
     * The payload's unique id, for de-duplication.
     *
     * @return the id, or null
     */
    default String uniqueId() {
        return envelope().uniqueId();
    }

    /**
     * A property as a string.
     *
     * @param name the property name
     * @return the value as text, or null when absent
     */
    default String property(String name) {
        Object value = envelope().properties().get(name);
        return value == null ? null : String.valueOf(value);
    }

    /**
     * {@code guideDisplayed}: a guide step was shown.
     *
     * @param envelope the shared members
     */
    record GuideDisplayed(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * The guide id.
         *
         * @return the id, or null
         */
        public String guideId() {
            return property("guideId");
        }

        /**
         * The step id.
         *
         * @return the id, or null
         */
        public String guideStepId() {
            return property("guideStepId");
        }

        /**
         * The guide as Pendo sent it ({@code id}, {@code name}, {@code steps}, ...).
         *
         * @return the guide properties; empty when absent
         */
        @SuppressWarnings("unchecked")
        public Map<String, Object> guideProperties() {
            Object value = envelope.properties().get("guideProperties");
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    /**
     * {@code pollDisplayed}: a poll was shown.
     *
     * @param envelope the shared members
     */
    record PollDisplayed(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * The guide id.
         *
         * @return the id, or null
         */
        public String guideId() {
            return property("guideId");
        }
    }

    /**
     * {@code pollSubmitted}: a poll was answered. Pendo does not document the property names; they are in
     * {@code envelope().properties()}.
     *
     * @param envelope the shared members
     */
    record PollSubmitted(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * The guide id.
         *
         * @return the id, or null
         */
        public String guideId() {
            return property("guideId");
        }
    }

    /**
     * {@code npsDisplayed}: an NPS survey was shown.
     *
     * @param envelope the shared members
     */
    record NpsDisplayed(WebhookEnvelope envelope) implements WebhookEvent {}

    /**
     * {@code npsSubmitted}: an NPS survey was answered. Pendo does not document the property names; they are in
     * {@code envelope().properties()}.
     *
     * @param envelope the shared members
     */
    record NpsSubmitted(WebhookEnvelope envelope) implements WebhookEvent {}

    /**
     * {@code visitorCreated}: a visitor was seen for the first time.
     *
     * @param envelope the shared members
     */
    record VisitorCreated(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * The browser name.
         *
         * @return the name, or null
         */
        public String browserName() {
            return property("browserName");
        }

        /**
         * The browser version.
         *
         * @return the version, or null
         */
        public String browserVersion() {
            return property("browserVersion");
        }
    }

    /**
     * {@code accountCreated}: an account was seen for the first time.
     *
     * @param envelope the shared members
     */
    record AccountCreated(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * The account id.
         *
         * @return the id, or null
         */
        public String accountId() {
            return envelope.accountId();
        }
    }

    /**
     * {@code trackEventReceived}: a track event arrived.
     *
     * @param envelope the shared members
     */
    record TrackEventReceived(WebhookEnvelope envelope) implements WebhookEvent {
        /**
         * The track event name.
         *
         * @return the name, or null
         */
        public String name() {
            return property("name");
        }

        /**
         * Where it came from, for example {@code web}.
         *
         * @return the source, or null
         */
        public String source() {
            return property("source");
        }

        /**
         * The track event's own properties.
         *
         * @return the properties; empty when absent
         */
        @SuppressWarnings("unchecked")
        public Map<String, Object> eventProperties() {
            Object value = envelope.properties().get("eventProperties");
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    /**
     * Any other kind, for example one Pendo added after this SDK was written.
     *
     * @param envelope the shared members
     */
    record Other(WebhookEnvelope envelope) implements WebhookEvent {}

    /**
     * The kinds this SDK types.
     *
     * @return the event names
     */
    static List<String> knownKinds() {
        return List.of(
                "guideDisplayed",
                "pollDisplayed",
                "pollSubmitted",
                "npsDisplayed",
                "npsSubmitted",
                "visitorCreated",
                "accountCreated",
                "trackEventReceived");
    }
}
