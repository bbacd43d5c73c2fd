package io.github.pendoclient.track;

import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * One track event, as {@code POST /data/track} takes it:
 * {@code {"type": "track", "event": ..., "visitorId": ..., "accountId": ..., "timestamp": <ms>, "properties": {...},
 * "context": {...}}}. Immutable.
 *
 * <pre>{@code
 * TrackEvent event = TrackEvent.builder()
 *     .event("Report Exported").visitorId("v-42").accountId("acme")
 *     .property("format", "pdf")
 *     .context(Context.builder().ip("203.0.113.7").userAgent(ua).build())
 *     .build();                                   // timestamp defaults to now
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the rules that always hold: a non-blank event name, a visitor id, non-empty
 * property names other than {@code __x__}, and JSON property values. The rules that depend on the clock or on a mode
 * are checked when the event is sent (see {@link ValidationMode}): properties over 512 bytes, timestamps older than
 * 7 days or in the future, and property names outside letters, digits and {@code _}, at most 32 characters, not
 * starting with a digit. That name rule is not documented by Pendo; it is the SDK's reading of how Pendo's UI
 * treats names, so lenient validation only warns about it.
 */
public final class TrackEvent {

    /**
     * Property names the SDK expects: letters, digits and {@code _}, not starting with a digit, 1 to 32 characters.
     * Not documented by Pendo; {@link ValidationMode#LENIENT} only warns about other names.
     */
    static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");

    private final String event;
    private final String visitorId;
    private final String accountId;
    private final Instant timestamp;
    private final Map<String, Object> properties;
    private final Context context;

    private TrackEvent(Builder builder) {
        this.event = builder.event;
        this.visitorId = builder.visitorId;
        this.accountId = builder.accountId;
        this.timestamp = builder.timestamp != null ? builder.timestamp : Instant.now();
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
        this.context = builder.context;
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this event's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .event(event)
                .visitorId(visitorId)
                .accountId(accountId)
                .timestamp(timestamp)
                .context(context);
        builder.properties.putAll(properties);
        return builder;
    }

    /**
     * The event name.
     *
     * @return the name, for example {@code Report Exported}
     */
    public String event() {
        return event;
    }

    /**
     * The visitor id.
     *
     * @return the visitor id
     */
    public String visitorId() {
        return visitorId;
    }

    /**
     * The account id, which Pendo "highly recommends".
     *
     * @return the account id, or empty when not set
     */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /**
     * When the event happened.
     *
     * @return the time
     */
    public Instant timestamp() {
        return timestamp;
    }

    /**
     * The properties.
     *
     * @return an unmodifiable map in the order set; empty when none
     */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * The context.
     *
     * @return the context, {@link Context#empty()} when none was set
     */
    public Context context() {
        return context;
    }

    /**
     * The request body.
     *
     * @return the JSON text
     */
    public String toJson() {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.beginObject();
            writer.name("type").value("track");
            writer.name("event").value(event);
            writer.name("visitorId").value(visitorId);
            if (accountId != null) {
                writer.name("accountId").value(accountId);
            }
            writer.name("timestamp").value(timestamp.toEpochMilli());
            if (!properties.isEmpty()) {
                writer.name("properties");
                JsonValues.write(writer, properties, PendoJson.moshi());
            }
            writer.name("context");
            JsonValues.write(writer, context.toMap(), PendoJson.moshi());
            writer.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return buffer.readUtf8();
    }

    /**
     * Reads an event back from its request body, as the spool stores it.
     *
     * @throws IllegalArgumentException if the text is not such a body
     */
    static TrackEvent fromJson(String json) {
        Map<String, Object> map;
        try (com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(new Buffer().writeUtf8(json))) {
            map = JsonValues.readObject(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a track event body: " + e.getMessage(), e);
        }
        if (!(map.get("event") instanceof String name)
                || !(map.get("visitorId") instanceof String visitor)
                || !(map.get("timestamp") instanceof Number millis)) {
            throw new IllegalArgumentException("not a track event body: event, visitorId or timestamp missing");
        }
        Builder builder = builder().event(name).visitorId(visitor).timestamp(Instant.ofEpochMilli(millis.longValue()));
        if (map.get("accountId") instanceof String account) {
            builder.accountId(account);
        }
        if (map.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((key, value) -> builder.property(String.valueOf(key), value));
        }
        if (map.get("context") instanceof Map<?, ?> context) {
            Context.Builder contextBuilder = Context.builder();
            if (context.get("ip") instanceof String ip) {
                contextBuilder.ip(ip);
            }
            if (context.get("userAgent") instanceof String userAgent) {
                contextBuilder.userAgent(userAgent);
            }
            if (context.get("url") instanceof String url) {
                contextBuilder.url(url);
            }
            if (context.get("title") instanceof String title) {
                contextBuilder.title(title);
            }
            builder.context(contextBuilder.build());
        }
        return builder.build();
    }

    /**
     * The size of the properties as JSON, in UTF-8 bytes; Pendo flags more than 512.
     *
     * @return the size, 0 when there are no properties
     */
    public int propertiesJsonBytes() {
        if (properties.isEmpty()) {
            return 0;
        }
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            JsonValues.write(writer, properties, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return (int) buffer.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackEvent that
                && that.event.equals(event)
                && that.visitorId.equals(visitorId)
                && Objects.equals(that.accountId, accountId)
                && that.timestamp.equals(timestamp)
                && that.properties.equals(properties)
                && that.context.equals(context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, visitorId, accountId, timestamp, properties, context);
    }

    /**
     * The event name, visitor, account and time; property values are left out, as they may be personal data.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TrackEvent{event=" + event + ", visitorId=" + visitorId + ", accountId=" + accountId + ", timestamp="
                + timestamp + ", properties=" + properties.keySet() + "}";
    }

    /** Builds a {@link TrackEvent}; not thread-safe. */
    public static final class Builder {
        private String event;
        private String visitorId;
        private String accountId;
        private Instant timestamp;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Context context = Context.empty();

        private Builder() {}

        /**
         * Sets the event name.
         *
         * @param event the name, not blank
         * @return this builder
         */
        public Builder event(String event) {
            this.event = event;
            return this;
        }

        /**
         * Sets the visitor id.
         *
         * @param visitorId the visitor id, required
         * @return this builder
         */
        public Builder visitorId(String visitorId) {
            this.visitorId = visitorId;
            return this;
        }

        /**
         * Sets the account id.
         *
         * @param accountId the account id, or null
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets when the event happened; the default is the time of {@link #build()}.
         *
         * @param timestamp the time
         * @return this builder
         */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Adds a property.
         *
         * @param name letters, digits and {@code _}, at most 32 characters, not starting with a digit
         * @param value a string, number, boolean, null, or a list or map of those
         * @return this builder
         */
        public Builder property(String name, Object value) {
            properties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Adds properties.
         *
         * @param more name to value
         * @return this builder
         */
        public Builder properties(Map<String, ?> more) {
            more.forEach(this::property);
            return this;
        }

        /**
         * Sets the context.
         *
         * @param context the context; null means empty
         * @return this builder
         */
        public Builder context(Context context) {
            this.context = context == null ? Context.empty() : context;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         * @throws InvalidTrackEventException naming the field and the rule it breaks
         */
        public TrackEvent build() {
            if (event == null || event.isBlank()) {
                throw new InvalidTrackEventException("event", "must not be blank", null);
            }
            if (visitorId == null || visitorId.isBlank()) {
                throw new InvalidTrackEventException("visitorId", "is required", null);
            }
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                checkProperty(property.getKey(), property.getValue());
            }
            return new TrackEvent(this);
        }

        private static void checkProperty(String name, Object value) {
            String field = "properties." + name;
            if (name.equals("__x__")) {
                throw new InvalidTrackEventException(field, "is a name Pendo reserves", null);
            }
            if (name.isEmpty()) {
                throw new InvalidTrackEventException(field, "must not be empty", null);
            }
            checkValue(field, value);
        }

        private static void checkValue(String field, Object value) {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    checkValue(field + "." + entry.getKey(), entry.getValue());
                }
                return;
            }
            if (value instanceof Collection<?> list) {
                for (Object element : list) {
                    checkValue(field + "[]", element);
                }
                return;
            }
            throw new InvalidTrackEventException(
                    field,
                    "must be a string, number, boolean, null, list or map",
                    value.getClass().getName());
        }
    }
}
