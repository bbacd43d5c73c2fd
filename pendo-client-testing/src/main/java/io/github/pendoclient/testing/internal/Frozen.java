package io.github.pendoclient.testing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Deep, unmodifiable copies of JSON-like values (maps, lists, scalars) for the dataset's rows: a row's maps and lists
 * neither change when the caller's do nor let anyone change them. Nulls are kept, as JSON has them; key order is kept.
 */
public final class Frozen {

    private Frozen() {}

    /**
     * A deep, unmodifiable copy of a JSON-like value: maps and lists are copied, everything else is kept as it is.
     *
     * @param value the value, or null
     * @return the copy, or null
     */
    public static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, member) -> copy.put(String.valueOf(key), value(member)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(value(element)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /**
     * A deep, unmodifiable copy of an object's members.
     *
     * @param members the members, not null
     * @param what what the members belong to, for the message
     * @param typed the members the row holds in typed components, which the map must not repeat
     * @return the copy
     * @throws NullPointerException if the map is null
     * @throws IllegalArgumentException if the map holds a typed member
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> members(Map<String, Object> members, String what, Set<String> typed) {
        Objects.requireNonNull(members, () -> what + " members must not be null; give an empty map for none");
        for (String name : typed) {
            if (members.containsKey(name)) {
                throw new IllegalArgumentException(what + " members must not hold '" + name
                        + "': it is a component of its own; the members are the other members Pendo serves");
            }
        }
        return (Map<String, Object>) value(members);
    }

    /**
     * A deep, unmodifiable copy of a visitor's or account's metadata.
     *
     * @param metadata group to field to value, not null
     * @param what {@code visitor} or {@code account} and its id, for the message
     * @return the copy
     * @throws NullPointerException if the map or one of its groups is null
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> metadata(
            Map<String, ? extends Map<String, ?>> metadata, String what) {
        Objects.requireNonNull(metadata, () -> what + " metadata must not be null; give an empty map for none");
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        metadata.forEach((group, fields) -> {
            Objects.requireNonNull(fields, () -> what + " metadata group '" + group + "' must be an object, not null");
            copy.put(group, (Map<String, Object>) value(fields));
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The names of a map's keys, for a bounded {@code toString()}.
     *
     * @param map the map
     * @return its keys, or a count when there are many
     */
    public static String keys(Map<String, ?> map) {
        return map.size() <= 12 ? map.keySet().toString() : "[" + map.size() + " members]";
    }
}
