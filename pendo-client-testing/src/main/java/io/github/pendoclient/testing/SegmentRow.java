package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A segment of a {@link Dataset}, as {@code GET /api/v1/segment} serves it: {@code id}, {@code name}, then the other
 * members in their order. Immutable: the members are copied and cannot be changed.
 *
 * @param id the id
 * @param name the name; empty when a dataset file gives none
 * @param members the other members Pendo serves ({@code kind}, {@code definition}...), as JSON values; not
 *     {@code id} or {@code name}
 */
public record SegmentRow(String id, String name, Map<String, Object> members) {

    private static final Set<String> TYPED = Set.of("id", "name");

    /**
     * Checks and copies the components.
     *
     * @param id the id
     * @param name the name
     * @param members the other members
     * @throws NullPointerException if the id, the name or the members are null
     * @throws IllegalArgumentException if the members hold {@code id} or {@code name}
     */
    public SegmentRow {
        Objects.requireNonNull(id, "A segment needs an id, not null");
        Objects.requireNonNull(name, () -> "Segment " + id + ": the name must not be null; give \"\" for none");
        members = Frozen.members(members, "Segment " + id + ":", TYPED);
    }

    /** {@return the id, the name and the names of the other members} */
    @Override
    public String toString() {
        return "SegmentRow[id=" + id + ", name=" + name + ", members=" + Frozen.keys(members) + "]";
    }
}
