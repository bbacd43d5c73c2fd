package io.github.pendoclient.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way records copy the collections they are given, so that a caller's later change cannot reach them: the
 * copy keeps the order and any {@code null} element or value (Pendo sends {@code null} with a meaning), cannot be
 * modified, and an absent collection stays absent ({@code null} in, {@code null} out).
 */
public final class Copies {

    private Copies() {
    }

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
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
