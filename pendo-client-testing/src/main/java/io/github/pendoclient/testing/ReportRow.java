package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report of a {@link Dataset}, as {@code GET /api/v1/report} serves it; its result rows are {@link Dataset#reportResults(String)}: {@code id}, {@code name}, then the other
 * members in their order. Immutable: the members are copied and cannot be changed.
 *
 * @param id the id
 * @param name the name; empty when a dataset file gives none
 * @param members the other members Pendo serves ({@code kind}, {@code aggregation}...), as JSON values; not
 *     {@code id} or {@code name}
 */
public record ReportRow(String id, String name, Map<String, Object> members) {

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
    public ReportRow {
        Objects.requireNonNull(id, "A report needs an id, not null");
        Objects.requireNonNull(name, () -> "Report " + id + ": the name must not be null; give \"\" for none");
        members = Frozen.members(members, "Report " + id + ":", TYPED);
    }

    /** {@return the id, the name and the names of the other members} */
    @Override
    public String toString() {
        return "ReportRow[id=" + id + ", name=" + name + ", members=" + Frozen.keys(members) + "]";
    }
}
