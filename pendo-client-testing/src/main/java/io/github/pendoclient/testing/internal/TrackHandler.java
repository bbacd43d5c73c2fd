package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.track.Context;
import io.github.pendoclient.track.TrackEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@code POST /data/track}: checks a track event as Pendo does and keeps the accepted ones. Thread-safe. */
final class TrackHandler {

    private final List<Map<String, Object>> trackEvents = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    Answer accept(String body) {
        Object parsed = JsonValues.parse(body);
        if (!(parsed instanceof Map<?, ?> map)) {
            return Answer.error(400, "A track event is a JSON object");
        }
        Map<String, Object> event = (Map<String, Object>) map;
        if (!"track".equals(event.get("type"))) {
            return Answer.error(400, "type must be \"track\"");
        }
        for (String required : new String[] {"event", "visitorId"}) {
            if (!(event.get(required) instanceof String text) || text.isBlank()) {
                return Answer.error(400, required + " is required");
            }
        }
        if (!(event.get("timestamp") instanceof Long)) {
            return Answer.error(400, "timestamp is required, in epoch milliseconds");
        }
        if (!(event.get("context") instanceof Map<?, ?>)) {
            return Answer.error(400, "context is required (it may be {})");
        }
        trackEvents.add(event);
        return Answer.ok();
    }

    /**
     * The track events received, as their JSON bodies.
     *
     * @return the events in arrival order
     */
    List<Map<String, Object>> events() {
        return List.copyOf(trackEvents);
    }

    void clear() {
        trackEvents.clear();
    }

    /**
     * The track events received, as {@link TrackEvent} values.
     *
     * @return the events in arrival order
     */
    @SuppressWarnings("unchecked")
    List<TrackEvent> asEvents() {
        List<TrackEvent> events = new ArrayList<>();
        for (Map<String, Object> body : events()) {
            TrackEvent.Builder builder = TrackEvent.builder()
                    .event((String) body.get("event"))
                    .visitorId((String) body.get("visitorId"))
                    .accountId((String) body.get("accountId"))
                    .timestamp(Instant.ofEpochMilli((Long) body.get("timestamp")));
            if (body.get("properties") instanceof Map<?, ?> properties) {
                builder.properties((Map<String, ?>) properties);
            }
            if (body.get("context") instanceof Map<?, ?> context) {
                builder.context(Context.builder()
                        .ip((String) context.get("ip"))
                        .userAgent((String) context.get("userAgent"))
                        .url((String) context.get("url"))
                        .title((String) context.get("title"))
                        .build());
            }
            events.add(builder.build());
        }
        return events;
    }
}
