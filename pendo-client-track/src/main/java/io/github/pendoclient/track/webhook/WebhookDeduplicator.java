package io.github.pendoclient.track.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the {@code uniqueId}s of recent webhook payloads, so that a payload delivered twice (webhooks are at
 * least once) is handled once. Bounded: the oldest ids are forgotten past the capacity. Thread-safe.
 */
public final class WebhookDeduplicator {

    /** The default number of ids remembered. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, Boolean> seen;

    /**
     * A de-duplicator remembering {@value #DEFAULT_CAPACITY} ids.
     *
     * @return a new, empty de-duplicator
     */
    public static WebhookDeduplicator create() {
        return new WebhookDeduplicator(DEFAULT_CAPACITY);
    }

    /**
     * A de-duplicator remembering {@code capacity} ids.
     *
     * @param capacity at least 1
     * @return a new, empty de-duplicator
     */
    public static WebhookDeduplicator create(int capacity) {
        return new WebhookDeduplicator(capacity);
    }

    private WebhookDeduplicator(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records an event and says whether it is new.
     *
     * @param event the event
     * @return true the first time its {@code uniqueId} is seen, and always for an event without one
     */
    public boolean firstDelivery(WebhookEvent event) {
        String id = event.uniqueId();
        if (id == null || id.isEmpty()) {
            return true;
        }
        synchronized (seen) {
            return seen.putIfAbsent(id, Boolean.TRUE) == null;
        }
    }
}
