package io.github.pendoclient.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way records copy the collections they are given, so that a caller's later change cannot reach them: the
 * copy keeps the order and any {@code null} element or value (Pendo sends {@code null} with a meaning), cannot be
 * modified, and an absent collection stays absent ({@code null} in, {@code null} out). A map the JSON reader made for
 * one constructor call ({@link Handoff}) is kept instead of copied.
 */
public final class Copies {

    private Copies() {}

    /**
     * An unmodifiable copy of a list, nulls and order kept.
     *
     * @param list the list, or null
     * @param <T> the element type
     * @return the copy, or null when {@code list} is null
     */
    public static <T> List<T> list(List<? extends T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * An unmodifiable copy of a map, insertion order and {@code null} values kept.
     *
     * @param map the map, or null
     * @param <K> the key type
     * @param <V> the value type
     * @return the copy, or null when {@code map} is null
     */
    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> map) {
        if (map == null) {
            return null;
        }
        if (map instanceof Handoff<?, ?> handoff && handoff.take()) {
            // Nobody else holds this map: the JSON reader made it for this constructor call alone.
            return Collections.unmodifiableMap(map);
        }
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * A map that the JSON reader builds for one record component and hands to that record's constructor alone, so
     * that {@link #map} may keep it instead of copying it: the copy would cost a whole map per row when millions of
     * rows are read. Only the first {@link #take()} succeeds, and the reader calls {@link #spend()} once the
     * constructor has returned, so a map that escaped another way (a record that does not copy) is copied like any
     * other map when it reaches {@link #map} later.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    public static final class Handoff<K, V> extends LinkedHashMap<K, V> {

        private static final long serialVersionUID = 1L;

        private boolean taken;

        /** An empty map, not yet handed off. */
        public Handoff() {
            super();
        }

        /**
         * Claims the map; only the first call succeeds.
         *
         * @return true if this call claimed it
         */
        boolean take() {
            if (taken) {
                return false;
            }
            taken = true;
            return true;
        }

        /** Ends the hand-off: a later {@link Copies#map} copies this map like any other. */
        public void spend() {
            taken = true;
        }
    }
}
